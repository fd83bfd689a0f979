package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// manifestName is the file in out/ that records what each output was made
// from and what it holds; its presence also marks out/ as roledoc's.
const manifestName = ".roledoc-manifest.json"

// manifestVersion changes with the manifest's shape; an older manifest
// reads as empty, which costs one full render.
const manifestVersion = 2

// manifest lists every file of an output directory by slash-separated
// name.
type manifest struct {
	Version int              `json:"version"`
	Files   map[string]entry `json:"files"`
}

// entry records one output: the fingerprint of its inputs, and its size,
// modification time and hash as written, so a damaged, edited or missing
// file is noticed and rendered again.
type entry struct {
	Input  digest `json:"input"`
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // Unix nanoseconds
	SHA256 digest `json:"sha256"`
}

// digest is a SHA-256 sum, written in hex. Held as an array, a 10,000-role
// manifest's 100,000 entries hold no pointers for the collector to chase.
type digest [sha256.Size]byte

func (d digest) MarshalText() ([]byte, error) { return hex.AppendEncode(nil, d[:]), nil }

func (d *digest) UnmarshalText(b []byte) error {
	if hex.DecodedLen(len(b)) != len(d) {
		return fmt.Errorf("digest of %d hex digits, want %d", len(b), 2*len(d))
	}
	_, err := hex.Decode(d[:], b)
	return err
}

// newEntry describes the file just written at path with data.
func newEntry(path string, input digest, data []byte) (entry, error) {
	info, err := os.Stat(path)
	if err != nil {
		return entry{}, err
	}
	return entry{Input: input, Size: info.Size(), MTime: info.ModTime().UnixNano(), SHA256: sha256.Sum256(data)}, nil
}

// readManifest reads out's manifest; a missing, damaged or older one reads
// as empty and only costs a full render.
func readManifest(out string) *manifest {
	m := &manifest{}
	data, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil || json.Unmarshal(data, m) != nil || m.Version != manifestVersion {
		return &manifest{Version: manifestVersion}
	}
	return m
}

func (m *manifest) write(dir string) error {
	data, err := json.Marshal(m) // map keys come out sorted
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, manifestName), append(data, '\n'), 0o666)
}

// intact reports whether out holds name as recorded, made from input. The
// cheap check is size and modification time, which any edit, truncation
// or copy over the file changes; verify also compares the content's hash.
func (m *manifest) intact(out, name string, input digest, verify bool) bool {
	e, ok := m.Files[name]
	if !ok || e.Input != input {
		return false
	}
	path := filepath.Join(out, filepath.FromSlash(name))
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != e.Size || info.ModTime().UnixNano() != e.MTime {
		return false
	}
	if !verify {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return digest(h.Sum(nil)) == e.SHA256
}

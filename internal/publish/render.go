package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/localize"
	"golang.org/x/sync/errgroup"
)

// errStale stops a freshness check at the first output that must be
// rendered again.
var errStale = errors.New("stale")

// each calls f(ctx, i) for every i in [0, n) on at most limit goroutines.
// It starts no new call once one has failed or ctx is done, and returns
// the first error, or ctx's.
func each(ctx context.Context, limit, n int, f func(ctx context.Context, i int) error) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error { return f(gctx, i) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}

// render writes every planned output into stage, hard-linking unchanged
// ones from out, and returns the new manifest.
func (p *plan) render(ctx context.Context, stage, out string, old *manifest, res *Result) (*manifest, error) {
	for _, l := range p.langs {
		if err := os.MkdirAll(filepath.Join(stage, l.Tag), 0o755); err != nil {
			return nil, err
		}
	}
	// Each output has its own slot, so the workers share no map.
	n := len(p.renderers)
	entries := make([]entry, len(p.jobs)*n)
	var written atomic.Int64
	var (
		mu   sync.Mutex // Progress is called by one worker at a time
		done int
	)
	// One language at a time, its texts read again only if one of its
	// documents is rendered, and dropped before the next.
	for k, l := range p.langs {
		var (
			once sync.Once
			loc  *localize.Localizer
		)
		first := k * len(p.roles)
		err := each(ctx, p.workers, len(p.roles), func(ctx context.Context, i int) error {
			i += first
			j := &p.jobs[i]
			var d *doc.Document // localized once, for the first format that needs it
			for k, r := range p.renderers {
				e, wrote, err := p.emit(ctx, stage, out, old, j.name(r.Ext()), p.input(j, r), func(w io.Writer) error {
					if d == nil {
						once.Do(func() { loc = p.localizer(l) })
						d = p.document(loc, j)
					}
					return r.Render(w, d)
				})
				if err != nil {
					return err
				}
				entries[i*n+k] = e
				if wrote {
					written.Add(1)
				}
			}
			if p.opt.Progress != nil {
				mu.Lock()
				done++
				p.opt.Progress(done, len(p.jobs))
				mu.Unlock()
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	m := &manifest{Version: manifestVersion, Files: make(map[string]entry, p.outputs())}
	for i := range p.jobs {
		for k, r := range p.renderers {
			m.Files[p.jobs[i].name(r.Ext())] = entries[i*n+k]
		}
	}
	for _, pg := range p.pages {
		e, wrote, err := p.emit(ctx, stage, out, old, pg.name, pg.input, pg.render)
		if err != nil {
			return nil, err
		}
		m.Files[pg.name] = e
		if wrote {
			written.Add(1)
		}
	}
	res.Written = int(written.Load())
	res.Skipped = p.outputs() - res.Written
	return m, nil
}

// emit puts one output into stage: a hard link to the previous output
// when its inputs are unchanged and it is intact, else a fresh render.
func (p *plan) emit(ctx context.Context, stage, out string, old *manifest, name string, input digest, render func(io.Writer) error) (e entry, wrote bool, err error) {
	dst := filepath.Join(stage, filepath.FromSlash(name))
	if !p.opt.Force && old.intact(out, name, input, p.opt.Verify) {
		if err := os.Link(filepath.Join(out, filepath.FromSlash(name)), dst); err == nil {
			return old.Files[name], false, nil
		}
	}
	timeout, max := p.opt.RenderTimeout, p.opt.MaxDocSize
	if timeout <= 0 {
		timeout = DefaultRenderTimeout
	}
	if max <= 0 {
		max = DefaultMaxDocSize
	}
	data, err := bounded(ctx, timeout, max, render)
	if err != nil {
		return entry{}, false, fmt.Errorf("%s: %w", name, err)
	}
	if err := os.WriteFile(dst, data, 0o666); err != nil {
		return entry{}, false, err
	}
	e, err = newEntry(dst, input, data)
	return e, true, err
}

// bounded runs render in a goroutine of its own into a buffer of at most
// max bytes, and waits for it at most timeout, or until ctx is done. A
// template cannot be interrupted (text/template has no cancellation), so
// a render that runs over is abandoned: it writes only to its own capped
// buffer and ends with the process, which returns soon after.
func bounded(ctx context.Context, timeout time.Duration, max int64, render func(io.Writer) error) ([]byte, error) {
	buf := &capped{max: max}
	done := make(chan error, 1)
	go func() { done <- render(buf) }()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case err := <-done:
		if buf.over {
			return nil, fmt.Errorf("the document is larger than %d MiB, the budget per document; does a template repeat text?", max>>20)
		}
		return buf.data, err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		return nil, fmt.Errorf("rendering took longer than %s, the budget per document; does a template loop?", timeout)
	}
}

// capped is a buffer that refuses to grow past max bytes.
type capped struct {
	data []byte
	max  int64
	over bool
}

var errTooLarge = errors.New("document too large")

func (c *capped) Write(p []byte) (int, error) {
	if int64(len(c.data)+len(p)) > c.max {
		c.over = true
		return 0, errTooLarge
	}
	c.data = append(c.data, p...)
	return len(p), nil
}

// carryOver hard-links into stage every intact file of the previous
// output that this run did not produce, keeping its manifest entry. A
// damaged one is left out, so the next full build renders it again.
func carryOver(old, m *manifest, out, stage string) error {
	for name, e := range old.Files {
		if _, done := m.Files[name]; done || !old.intact(out, name, e.Input, false) {
			continue
		}
		dst := filepath.Join(stage, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Link(filepath.Join(out, filepath.FromSlash(name)), dst); err != nil {
			return err
		}
		m.Files[name] = e
	}
	return nil
}

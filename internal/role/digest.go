package role

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
)

// DigestPrefix names the hash function of a content digest, so another
// can be introduced later without old records reading as tampered.
const DigestPrefix = "sha256:"

var digestRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)

// Digest identifies the role's content: every field that reaches the
// document, in the source language, in document order. It is computed from
// the decoded values, not the file's bytes, so comments, key order, quoting
// and indentation do not change it, while any printed character does.
// Approval records are left out: recording an approval must not change
// what was approved.
func (r *Role) Digest() string {
	// Each value is written with its field name and length, so no two
	// different roles can write the same stream.
	buf := make([]byte, 0, 8<<10)
	put := func(key, val string) {
		buf = append(buf, key...)
		buf = append(buf, '=')
		buf = strconv.AppendInt(buf, int64(len(val)), 10)
		buf = append(buf, ':')
		buf = append(buf, val...)
		buf = append(buf, '\n')
	}
	put("id", r.ID)
	put("title", r.Title)
	put("department", r.Department)
	put("category", r.Category)
	put("version", r.Version)
	put("effective", r.Effective)
	put("reports_to", r.ReportsTo)
	put("appointed_by", r.AppointedBy)
	put("substitute", r.Substitute)
	put("requirements.education", r.Requirements.Education)
	put("requirements.field", r.Requirements.Field)
	if y := r.Requirements.ExperienceYears; y != nil {
		put("requirements.experience_years", strconv.Itoa(*y))
	}
	for _, s := range r.Sections() {
		put("section", s.Key)
		for _, it := range s.Items {
			put(s.Key+".id", it.ID)
			put(s.Key+".text", it.Text)
		}
	}
	for _, c := range r.Criteria {
		if c.Target != "" {
			put("criteria."+c.ID+".target", c.Target)
		}
	}
	put("approval.by", r.Approval.By)
	put("approval.name", r.Approval.Name)
	put("approval.date", r.Approval.Date)
	for _, rev := range r.History {
		put("history.version", rev.Version)
		put("history.date", rev.Date)
		put("history.summary", rev.Summary)
	}
	sum := sha256.Sum256(buf)
	return DigestPrefix + hex.EncodeToString(sum[:])
}

// Package diag owns the positioned diagnostics that every roledoc check
// reports, the table of their codes, and the one place that formats them.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown (for example a problem with a whole file).
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	f := ShownName(p.File)
	switch {
	case p.Line == 0:
		return f
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", f, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f, p.Line, p.Col)
}

// ShownName is a file name as printed to a terminal or a CI log: control
// and invisible formatting characters are escaped as Go does ("\x1b",
// "\u202e"), since a file in a pull request may be named to send an
// escape sequence to the terminal or to reorder the line it is shown on.
func ShownName(name string) string {
	if !strings.ContainsFunc(name, hidden) {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if hidden(r) {
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}

// Severity orders diagnostics from informational to fatal.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalText lets JSON output spell severities as words.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in an input file.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	// Code is short, stable and kebab-case (unknown-field, reporting-cycle),
	// so scripts and suppressions can rely on it.
	Code    string
	Message string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// Errorf returns an error-severity diagnostic.
func Errorf(pos Pos, code, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning-severity diagnostic.
func Warnf(pos Pos, code, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Sort orders diagnostics by file, line, column and code so output is stable
// however the checks that produced them were scheduled.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Strict raises every warning to an error.
func Strict(ds []Diagnostic) {
	raise(ds, func(Rule) bool { return true })
}

// StrictInputs raises warnings about the inputs to errors, for check
// --strict. Warnings about translation completeness (Rule.Translation)
// stay warnings: a role is valid before it is translated, and a pull
// request adding one must not fail until four languages catch up.
func StrictInputs(ds []Diagnostic) {
	raise(ds, func(r Rule) bool { return !r.Translation })
}

// StrictTranslations raises warnings about translation completeness to
// errors, for a gate that wants every language complete.
func StrictTranslations(ds []Diagnostic) {
	raise(ds, func(r Rule) bool { return r.Translation })
}

func raise(ds []Diagnostic, which func(Rule) bool) {
	for i := range ds {
		r, known := RuleFor(ds[i].Code)
		if ds[i].Severity == Warning && (!known || which(r)) {
			ds[i].Severity = Error
		}
	}
}

// Count returns how many diagnostics have exactly the given severity.
func Count(ds []Diagnostic, s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool { return Count(ds, Error) > 0 }

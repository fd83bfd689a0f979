package diag

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats lists the output formats accepted by --format, in help order.
var Formats = []string{"text", "json", "github", "sarif"}

// Options tunes how diagnostics are written.
type Options struct {
	// Source returns a file's contents so text output can show the offending
	// line with a caret under the column; nil leaves the excerpt out.
	Source func(file string) []byte
	// Color adds ANSI colours to text output.
	Color bool
	// Tool and Version name the producer in SARIF output.
	Tool, Version string
	// MinSeverity leaves out less severe diagnostics (Error for
	// --errors-only); the summary still counts them.
	MinSeverity Severity
	// RepoPath maps a file as shown to its path from the repository
	// root, where GitHub and code scanning look for it, in github and
	// sarif output; nil keeps files as shown.
	RepoPath func(file string) string
}

// Write formats ds in the named format: errors first, then warnings, each
// in the order of ds, so a real error is never buried under a page of
// missing translations. Text and GitHub output end with a summary line.
func Write(w io.Writer, format string, ds []Diagnostic, opt Options) error {
	all := slices.Clone(ds)
	slices.SortStableFunc(all, func(a, b Diagnostic) int { return cmp.Compare(b.Severity, a.Severity) })
	shown := slices.DeleteFunc(slices.Clone(all), func(d Diagnostic) bool { return d.Severity < opt.MinSeverity })
	if opt.RepoPath != nil && (format == "github" || format == "sarif") {
		for i := range shown {
			shown[i].Pos.File = opt.RepoPath(shown[i].Pos.File)
		}
	}
	switch format {
	case "text", "":
		if err := Text(w, shown, opt); err != nil {
			return err
		}
		if len(all) == 0 {
			return nil
		}
		_, err := fmt.Fprintln(w, Summary(all, opt.MinSeverity))
		return err
	case "json":
		return JSON(w, shown)
	case "github":
		summary := ""
		if len(all) > 0 {
			summary = Summary(all, opt.MinSeverity)
		}
		return GitHub(w, shown, summary)
	case "sarif":
		return SARIF(w, shown, opt)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Summary counts diagnostics in one line: "2 errors and 53 warnings in 3
// files", saying which were left out below min.
func Summary(ds []Diagnostic, min Severity) string {
	files := map[string]bool{}
	for _, d := range ds {
		files[d.Pos.File] = true
	}
	var parts []string
	for _, s := range []Severity{Error, Warning, Info} {
		n := Count(ds, s)
		if n == 0 {
			continue
		}
		word := s.String()
		if s == Info {
			word = "note"
		}
		part := plural(n, word)
		if s < min {
			part += " (not shown)"
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return "no problems"
	}
	list := strings.Join(parts[:len(parts)-1], ", ")
	if list != "" {
		list += " and "
	}
	return list + parts[len(parts)-1] + " in " + plural(len(files), "file")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Text writes one line per diagnostic in the form go vet uses,
// file:line:col: severity: message [code], followed on request by the
// source line and a caret.
func Text(w io.Writer, ds []Diagnostic, opt Options) error {
	var b bytes.Buffer
	for _, d := range ds {
		sev := d.Severity.String()
		if opt.Color {
			c := "\x1b[1;33m"
			if d.Severity == Error {
				c = "\x1b[1;31m"
			}
			sev = c + sev + "\x1b[0m"
		}
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", d.Pos, sev, d.Message, d.Code)
		if opt.Source != nil && d.Pos.Line > 0 {
			excerpt(&b, opt.Source(d.Pos.File), d.Pos, opt.Color)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// excerpt writes the line at p and a caret under its column, as actionlint
// does. Tabs are kept in the padding so the caret lines up in a terminal.
func excerpt(b *bytes.Buffer, src []byte, p Pos, color bool) {
	line, ok := lineAt(src, p.Line)
	if !ok {
		return
	}
	const maxShown = 160
	if !utf8.Valid(line) {
		line = bytes.ToValidUTF8(line, []byte("\uFFFD"))
	}
	runes := []rune(string(line))
	for i, r := range runes {
		// A terminal would act on an escape sequence and reorder text
		// around a bidi control; show such characters as U+FFFD, one
		// column each so the caret still lines up.
		if r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			runes[i] = utf8.RuneError
		}
	}
	col := max(p.Col, 1)
	start := 0
	if len(runes) > maxShown {
		// Keep the column in view on very long lines.
		start = max(0, min(col-1-maxShown/2, len(runes)-maxShown))
		runes = runes[start : start+maxShown]
	}
	gutter := fmt.Sprintf("%5d | ", p.Line)
	b.WriteString(gutter)
	b.WriteString(string(runes))
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(" ", len(gutter)-2) + "| ")
	for i := 0; i < col-1-start && i < len(runes); i++ {
		if runes[i] == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	if color {
		b.WriteString("\x1b[1;32m^\x1b[0m\n")
	} else {
		b.WriteString("^\n")
	}
}

func lineAt(src []byte, n int) ([]byte, bool) {
	for i := 1; len(src) > 0; i++ {
		end := bytes.IndexByte(src, '\n')
		line := src
		if end >= 0 {
			line, src = src[:end], src[end+1:]
		} else {
			src = nil
		}
		if i == n {
			return bytes.TrimRight(line, "\r"), true
		}
	}
	return nil, false
}

type jsonDiag struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Help     string   `json:"help,omitempty"`
}

// JSON writes all diagnostics as one JSON array ([] when there are none).
func JSON(w io.Writer, ds []Diagnostic) error {
	out := make([]jsonDiag, len(ds))
	for i, d := range ds {
		out[i] = jsonDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity, Code: d.Code, Message: d.Message}
		if r, ok := RuleFor(d.Code); ok {
			out[i].Help = r.Help()
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// GitHub shows only the first 10 error and 10 warning annotations of a
// step; later ones are dropped from the pull request.
const ghAnnotationLimit = 10

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request. ds should come errors first (as
// Write orders them): the first ghAnnotationLimit of each severity become
// annotations, the rest plain log lines, and a notice with the summary
// ends the output, so the pull request states the total.
func GitHub(w io.Writer, ds []Diagnostic, summary string) error {
	var b bytes.Buffer
	count := map[Severity]int{}
	hidden := 0
	for _, d := range ds {
		if count[d.Severity]++; count[d.Severity] > ghAnnotationLimit {
			hidden++
			fmt.Fprintf(&b, "%s\n", d)
			continue
		}
		cmd := "error"
		switch d.Severity {
		case Warning:
			cmd = "warning"
		case Info:
			cmd = "notice"
		}
		fmt.Fprintf(&b, "::%s file=%s", cmd, ghProp(ShownName(d.Pos.File)))
		if d.Pos.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", d.Pos.Col)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", ghProp(d.Code), ghData(d.Message))
	}
	if summary != "" {
		if hidden > 0 {
			summary += fmt.Sprintf("; %d more than GitHub annotates are listed in the log above", hidden)
		}
		fmt.Fprintf(&b, "::notice title=roledoc::%s\n", ghData(summary))
	}
	_, err := w.Write(b.Bytes())
	return err
}

var (
	ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string { return ghDataEscaper.Replace(s) }
func ghProp(s string) string { return ghPropEscaper.Replace(s) }

// SARIF writes a SARIF 2.1.0 log for code-scanning upload.
func SARIF(w io.Writer, ds []Diagnostic, opt Options) error {
	type msg struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	type artifact struct {
		URI string `json:"uri"`
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           *region  `json:"region,omitempty"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		Level     string     `json:"level"`
		Message   msg        `json:"message"`
		Locations []location `json:"locations"`
	}
	type config struct {
		Level string `json:"level"`
	}
	type rule struct {
		ID                   string `json:"id"`
		ShortDescription     msg    `json:"shortDescription"`
		HelpURI              string `json:"helpUri,omitempty"`
		DefaultConfiguration config `json:"defaultConfiguration"`
	}
	type driver struct {
		Name           string `json:"name"`
		Version        string `json:"version,omitempty"`
		InformationURI string `json:"informationUri"`
		Rules          []rule `json:"rules"`
	}
	type tool struct {
		Driver driver `json:"driver"`
	}
	type run struct {
		Tool    tool     `json:"tool"`
		Results []result `json:"results"`
	}
	type log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}

	name := opt.Tool
	if name == "" {
		name = "roledoc"
	}
	r := run{
		Tool:    tool{driver{Name: name, Version: opt.Version, InformationURI: "https://github.com/roledoc/roledoc", Rules: []rule{}}},
		Results: []result{},
	}
	seen := map[string]bool{}
	for _, d := range ds {
		if !seen[d.Code] {
			seen[d.Code] = true
			ru := rule{ID: d.Code, ShortDescription: msg{d.Code}, DefaultConfiguration: config{sarifLevel(d.Severity)}}
			if t, ok := RuleFor(d.Code); ok {
				ru.ShortDescription = msg{t.Summary}
				ru.HelpURI = t.Help()
				ru.DefaultConfiguration.Level = sarifLevel(t.Severity)
			}
			r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, ru)
		}
		level := sarifLevel(d.Severity)
		loc := physical{ArtifactLocation: artifact{URI: d.Pos.File}}
		if d.Pos.Line > 0 {
			loc.Region = &region{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
		}
		r.Results = append(r.Results, result{
			RuleID:    d.Code,
			Level:     level,
			Message:   msg{d.Message},
			Locations: []location{{loc}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []run{r},
	})
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

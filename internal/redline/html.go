package redline

import (
	"html/template"
	"io"
)

// HTML writes the redline as one self-contained page, a section per role
// and language that starts a new sheet when printed. Deleted words are
// struck through and inserted ones underlined, as well as coloured, so
// the page reads the same printed in black and white.
func HTML(w io.Writer, r Redline) error {
	return page.Execute(w, r)
}

var page = template.Must(template.New("redline").Funcs(template.FuncMap{
	"isDel": func(op Op) bool { return op.Kind == Del },
	"isIns": func(op Op) bool { return op.Kind == Ins },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{with .Organization}}{{.}}: {{end}}changes since {{.Base}}</title>
<style>
:root { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; line-height: 1.5; color: #1b1f24; }
:lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; line-height: 1.8; }
body { margin: 0 auto; max-width: 48rem; padding: 0 1.5rem 2rem; }
header.run { padding-block: 1.5rem .5rem; color: #4a5361; }
section.page { border-block-start: 2px solid #1f4e79; padding-block: 1rem; }
section.page + section.page { break-before: page; page-break-before: always; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
.lang { margin: 0 0 1rem; color: #4a5361; }
ol.changes { list-style: none; margin: 0; padding: 0; }
ol.changes > li { margin-block: .8rem; break-inside: avoid; page-break-inside: avoid; }
.what { font-weight: 600; }
.kind { display: inline-block; margin-inline-start: .5em; padding: 0 .4em; border: 1px solid #c9ced6; border-radius: .2em; font-size: .8rem; font-weight: 400; color: #4a5361; }
.note { display: block; color: #4a5361; font-size: .92rem; }
p.text { margin: .2rem 0 0; }
del { color: #a4161a; background: #fde8e8; text-decoration: line-through; text-decoration-thickness: .1em; }
del + ins { margin-inline-start: .3em; }
ins { color: #1b5e20; background: #e6f4ea; text-decoration: underline; text-decoration-thickness: .1em; }
@media print {
  body { max-width: none; padding: 0; }
  del, ins { background: none; }
  @page { size: A4; margin: 18mm; }
}
</style>
</head>
<body>
<header class="run"><p>{{with .Organization}}{{.}} · {{end}}Changes since {{.Base}}</p></header>
{{range .Pages}}<section class="page" lang="{{.Lang}}" dir="{{.Dir}}">
<h1>{{.Title}}</h1>
<p class="lang"><bdi lang="en">{{.Role}}</bdi> · {{.Language}} <bdi>({{.Lang}})</bdi></p>
<ol class="changes">
{{range .Entries}}<li class="{{.Kind}}"><span class="what" lang="en" dir="ltr">{{.Label}}<span class="kind">{{.Kind}}</span></span>{{with .Note}}<span class="note"><bdi lang="en">{{.}}</bdi></span>{{end}}
{{if .Ops}}<p class="text"{{if .English}} lang="en" dir="ltr"{{end}}>{{range .Ops}}{{if isDel .}}<del>{{.Text}}</del>{{else if isIns .}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}</p>{{end}}</li>
{{end}}</ol>
</section>
{{end}}</body>
</html>
`))

package catalog

import (
	"reflect"
	"testing"
)

// FuzzReadPO: whatever readPO accepts, writePO writes so that readPO reads
// the same entries back.
func FuzzReadPO(f *testing.F) {
	for _, seed := range []string{
		"msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n",
		"#. job title\n#: roles/a.yaml:2\n#, fuzzy\n#| msgid \"Old\"\nmsgctxt \"a.title\"\nmsgid \"New\"\nmsgstr \"Nieuw\"\n",
		"msgctxt \"k\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n",
		"# note\nmsgid \"\"\n\"line\\n\"\n\"two\"\nmsgstr \"\\t\\\"\\\\\\001\"\n\n#~ msgid \"gone\"\n#~ msgstr \"weg\"\n",
		"#|msgid \"a\"\n#| \"b\"\nmsgid \"x\"\nmsgstr \"y\"\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := readPO(data)
		if err != nil {
			return
		}
		out := writePO(entries)
		again, err := readPO(out)
		if err != nil {
			t.Fatalf("cannot read what was written: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(entries, again) {
			t.Fatalf("read %#v\nwrote\n%s\nread back %#v", entries, out, again)
		}
	})
}

func TestReadPO(t *testing.T) {
	tests := []struct {
		name, in string
		want     []poEntry
		bad      bool
	}{
		{name: "plain", in: "#. d\n#: f:1 g:2\n#, fuzzy, go-format\n#| msgid \"o\"\nmsgctxt \"k\"\nmsgid \"i\"\nmsgstr \"s\"\n",
			want: []poEntry{{extracted: []string{"d"}, refs: []string{"f:1", "g:2"}, flags: []string{"fuzzy", "go-format"}, prevID: "o", hasCtxt: true, ctxt: "k", id: "i", str: []string{"s"}}}},
		{name: "continued", in: "msgid \"\"\n\"a\\n\"\n\"b\"\nmsgstr \"\"\n\"c\"\n",
			want: []poEntry{{id: "a\nb", str: []string{"c"}}}},
		{name: "plural", in: "msgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"\"\nmsgstr[1] \"y\"\n\nmsgid \"z\"\nmsgstr \"\"\n",
			want: []poEntry{{id: "x", hasPlural: true, plural: "xs", str: []string{"", "y"}}, {id: "z", str: []string{""}}}},
		{name: "obsolete dropped", in: "#~ msgid \"x\"\n#~ msgstr \"y\"\nmsgid \"z\"\nmsgstr \"w\"\n",
			want: []poEntry{{id: "z", str: []string{"w"}}}},
		{name: "no msgstr", in: "msgid \"x\"\n", bad: true},
		{name: "plural out of order", in: "msgid \"x\"\nmsgid_plural \"y\"\nmsgstr[1] \"\"\n", bad: true},
		{name: "bad escape", in: "msgid \"\\q\"\nmsgstr \"\"\n", bad: true},
		{name: "unquoted", in: "msgid x\nmsgstr \"\"\n", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readPO([]byte(tc.in))
			if tc.bad {
				if err == nil {
					t.Fatalf("read %#v, want an error", got)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %#v, %v\nwant %#v", got, err, tc.want)
			}
		})
	}
}

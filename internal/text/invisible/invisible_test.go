package invisible

import "testing"

func TestControl(t *testing.T) {
	tests := []struct {
		s    string
		r    rune
		off  int
		want bool
	}{
		{"1000 USD", 0, 0, false},
		{"pay \u202E0001\u202C USD", 0x202E, 4, true},
		{"a \u2067b\u2069", 0x2067, 2, true},
		{"\u200Fمرحبا\u200E \u061C", 0, 0, false}, // marks are allowed
	}
	for _, tt := range tests {
		r, off, ok := Control(tt.s)
		if ok != tt.want || r != tt.r || off != tt.off {
			t.Errorf("Control(%q) = %U, %d, %v", tt.s, r, off, ok)
		}
	}
}

func TestBlank(t *testing.T) {
	for s, want := range map[string]bool{
		"":                         true,
		" \t\n":                    true,
		"\u200B\u3000\u200B":       true,
		"\u200D":                   true,
		"\u200C\u00A0\u2060\uFEFF": true,
		"\u3164\u115F\u2800":       true,
		"\u200E\u200F\u061C":       true,
		"\u200Ba":                  false,
		"\u3000مدير":               false,
		"\u200D\u0301":             false, // a mark alone is visible
	} {
		if got := Blank(s); got != want {
			t.Errorf("Blank(%q) = %v, want %v", s, got, want)
		}
	}
}

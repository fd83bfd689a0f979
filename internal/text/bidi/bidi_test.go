package bidi

import "testing"

func TestVisual(t *testing.T) {
	tests := []struct {
		name, in, want string
		rtl            bool
	}{
		{"latin only", "Sales plan 2026", "Sales plan 2026", false},
		{"arabic reversed", "ابت", "تبا", true},
		{"digits keep order", "خطة 2026", "2026 ةطخ", true},
		{"latin word keeps order", "نظام CRM جديد", "ديدج CRM ماظن", true},
		// After an Arabic letter, European digits become Arabic numbers
		// (W2), so the hyphens and the percent sign do not join them:
		// browsers show the same, and so must the PDF.
		{"iso date after arabic", "في 2026-01-01", "01-01-2026 يف", true},
		{"percent after arabic", "نسبة 100%", "%100 ةبسن", true},
		{"date after latin", "CRM 2026-01-01", "CRM 2026-01-01", true},
		{"parentheses mirror", "أ (ب)", "(ب) أ", true},
		{"number with trailing period", "2.1.", ".2.1", true},
		{"two latin words", "نظام CRM Pro", "CRM Pro ماظن", true},
		{"arabic inside ltr", "The word سلام here", "The word مالس here", false},
		{"trailing space stays at the end", "ا ب ", " ب ا", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Visual([]rune(tc.in), tc.rtl)); got != tc.want {
				t.Errorf("Visual(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

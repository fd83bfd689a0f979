package pdf

import (
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// A recorded approval is printed as a sentence in place of the lines to
// sign, in either direction; without one, the lines stay.
func TestRecordedApproval(t *testing.T) {
	docs := fixture.Documents(t, "sales-manager")
	for _, tc := range []struct{ lang, recorded, word string }{
		{"en", "Approved by Jane Doe on 5 March 2026 (version 1.1)", "Approved by Jane Doe on 5 March 2026"},
		{"ar", "اعتمده Jane Doe في 5 مارس 2026 (الإصدار 1.1)", "Doe"},
	} {
		d := docs[tc.lang]
		blank := flat(poppler(t, "pdftotext", renderPDF(t, d)))
		d.Approval.Recorded = tc.recorded
		got := flat(poppler(t, "pdftotext", renderPDF(t, d)))
		if !strings.Contains(got, flat(tc.word)) {
			t.Errorf("%s: the recorded approval is not in the text:\n%s", tc.lang, got)
		}
		sign := d.Labels.Signature
		if strings.Count(got, sign) != strings.Count(blank, sign)-1 {
			t.Errorf("%s: %q appears %d times with the approval recorded and %d without; the approval's own lines should go", tc.lang, sign, strings.Count(got, sign), strings.Count(blank, sign))
		}
	}
}

package locale

import "testing"

func TestLookupAliases(t *testing.T) {
	for in, want := range map[string]string{"fil": "tl", "tl": "tl", "TL": "tl", "nl-BE": "nl", "ar-EG": "ar", "in": "id"} {
		l, err := Lookup(in)
		if err != nil || l.Tag != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, l.Tag, err, want)
		}
	}
	for _, bad := range []string{"xx", "!!", "fr"} {
		if _, err := Lookup(bad); err == nil {
			t.Errorf("Lookup(%q) succeeded", bad)
		}
	}
}

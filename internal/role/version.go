package role

import (
	"cmp"
	"strconv"
	"strings"
)

// CompareVersions orders two version strings as people read them: split
// at dots and hyphens, numeric parts by value (1.10 after 1.9), others
// alphabetically, a number before a word, and a version that continues
// after a shorter equal one (1.0.1 after 1.0) later. It returns -1, 0 or
// +1.
func CompareVersions(a, b string) int {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' })
	}
	pa, pb := split(a), split(b)
	for i := range min(len(pa), len(pb)) {
		na, errA := strconv.Atoi(pa[i])
		nb, errB := strconv.Atoi(pb[i])
		switch {
		case errA == nil && errB == nil:
			if na != nb {
				return cmp.Compare(na, nb)
			}
		case errA == nil:
			return 1 // 1.1 after 1.beta
		case errB == nil:
			return -1
		default:
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
		}
	}
	return cmp.Compare(len(pa), len(pb))
}

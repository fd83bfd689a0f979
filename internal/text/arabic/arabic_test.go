package arabic

import (
	"fmt"
	"testing"
)

// The expected forms were produced by an independent shaper (the Python
// arabic_reshaper package, lam-alef ligatures only, marks kept) and checked
// against the Unicode joining rules.
var shapeCases = []struct{ in, want string }{
	{"مدير", "\uFEE3\uFEAA\uFEF3\uFEAE"},
	{"المبيعات", "\uFE8D\uFEDF\uFEE4\uFE92\uFEF4\uFECC\uFE8E\uFE95"},
	{"إدارة", "\uFE87\uFEA9\uFE8D\uFEAD\uFE93"},
	{"الأداء", "\uFE8D\uFEF7\uFEA9\uFE8D\uFE80"},
	{"لا", "\uFEFB"},
	{"سلام", "\uFEB3\uFEFC\uFEE1"},
	{"الإدارة", "\uFE8D\uFEF9\uFEA9\uFE8D\uFEAD\uFE93"},
	{"مسؤولية", "\uFEE3\uFEB4\uFE86\uFEED\uFEDF\uFEF4\uFE94"},
	{"ودائع", "\uFEED\uFEA9\uFE8D\uFE8B\uFECA"},
	{"رؤية", "\uFEAD\uFE85\uFEF3\uFE94"},
	{"مستوى", "\uFEE3\uFEB4\uFE98\uFEEE\uFEEF"},
	{"المدير", "\uFE8D\uFEDF\uFEE4\uFEAA\uFEF3\uFEAE"},
	{"العام", "\uFE8D\uFEDF\uFECC\uFE8E\uFEE1"},
	{"علاقات", "\uFECB\uFEFC\uFED7\uFE8E\uFE95"},
	{"القانون", "\uFE8D\uFEDF\uFED8\uFE8E\uFEE7\uFEEE\uFEE5"},
	{"الآلات", "\uFE8D\uFEF5\uFEFB\uFE95"},
	{"إلى", "\uFE87\uFEDF\uFEF0"},
	{"على", "\uFECB\uFEE0\uFEF0"},
	{"جودة", "\uFE9F\uFEEE\uFEA9\uFE93"},
	{"شركة", "\uFEB7\uFEAE\uFEDB\uFE94"},
	{"الموظفين", "\uFE8D\uFEDF\uFEE4\uFEEE\uFEC7\uFED4\uFEF4\uFEE6"},
	{"ء", "\uFE80"},
	{"دار", "\uFEA9\uFE8D\uFEAD"},
	{"زر", "\uFEAF\uFEAD"},
	{"ورد", "\uFEED\uFEAD\uFEA9"},
	{"ذرة", "\uFEAB\uFEAD\uFE93"},
	{"تقارير", "\uFE97\uFED8\uFE8E\uFEAD\uFEF3\uFEAE"},
	{"بالأسعار", "\uFE91\uFE8E\uFEF7\uFEB3\uFECC\uFE8E\uFEAD"},
	{"خطة", "\uFEA7\uFEC4\uFE94"},
	{"نظام", "\uFEE7\uFEC8\uFE8E\uFEE1"},
	{"عملاء", "\uFECB\uFEE4\uFEFC\uFE80"},
	{"مبيعات", "\uFEE3\uFE92\uFEF4\uFECC\uFE8E\uFE95"},
	{"لأن", "\uFEF7\uFEE5"},
	{"إلا", "\uFE87\uFEFB"},
	{"كتب", "\uFEDB\uFE98\uFE90"},
	{"مَدْرَسَة", "\uFEE3\u064E\uFEAA\u0652\uFEAD\u064E\uFEB3\u064E\uFE94"},
	{"مـدير", "\uFEE3\u0640\uFEAA\uFEF3\uFEAE"},
	{"ة", "\uFE93"},
	{"ى", "\uFEEF"},
	{"ببب", "\uFE91\uFE92\uFE90"},
	{"نظام CRM", "\uFEE7\uFEC8\uFE8E\uFEE1 CRM"},
	{"خطة 2026", "\uFEA7\uFEC4\uFE94 2026"},
	{"100% من الخطة", "100% \uFEE3\uFEE6 \uFE8D\uFEDF\uFEA8\uFEC4\uFE94"},
	{"(الإدارة)", "(\uFE8D\uFEF9\uFEA9\uFE8D\uFEAD\uFE93)"},
}

func TestShape(t *testing.T) {
	for _, tc := range shapeCases {
		if got := string(Shape([]rune(tc.in))); got != tc.want {
			t.Errorf("Shape(%q) = %s, want %s", tc.in, codes(got), codes(tc.want))
		}
	}
}

func codes(s string) string {
	var out string
	for _, r := range s {
		out += fmt.Sprintf("%04X ", r)
	}
	return out
}

func TestShapeLeavesLatinAlone(t *testing.T) {
	in := "Verkoopmanager: ñ, é, ü, 2026-01-01"
	if got := string(Shape([]rune(in))); got != in {
		t.Errorf("got %q", got)
	}
}

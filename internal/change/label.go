package change

import (
	"slices"
	"strings"
)

// nouns name the items of each list.
var nouns = map[string]string{
	"requirements.other": "Requirement",
	"knowledge":          "Must know",
	"guided_by":          "Guided by",
	"duties":             "Duty",
	"rights":             "Right",
	"responsibilities":   "Responsibility",
	"criteria":           "Criterion",
	"history":            "Revision",
}

// Label names a change path for people: "duties.negotiate" is "Duty
// negotiate", "criteria.collections.target" is "Criterion collections,
// target", "reports_to" is "Reports to".
func Label(path string) string {
	if path == "" {
		return "Role"
	}
	for key, noun := range nouns {
		if rest, ok := strings.CutPrefix(path, key+"."); ok {
			if key == "history" {
				if v, ok := strings.CutSuffix(rest, ".date"); ok {
					return noun + " " + v + ", date"
				}
				return noun + " " + rest
			}
			if id, ok := strings.CutSuffix(rest, ".target"); ok {
				return noun + " " + id + ", target"
			}
			return noun + " " + rest
		}
	}
	s := strings.NewReplacer(".", ", ", "_", " ").Replace(path)
	s = strings.TrimPrefix(s, "requirements, ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Propose drafts a revision-history summary from a role's changes in the
// source language, such as "Changed duty negotiate and substitute; added
// duty travel; removed duty projects." Translation changes are not the
// content's and are left out.
func Propose(cs []Change, source string) string {
	order := []Kind{Changed, Added, Removed, Moved}
	verbs := map[Kind]string{Changed: "changed", Added: "added", Removed: "removed", Moved: "moved"}
	what := map[Kind][]string{}
	for _, c := range cs {
		if c.Lang != source || c.Path == "version" || c.Path == "approval.records" || strings.HasPrefix(c.Path, "history.") {
			continue
		}
		l := strings.ToLower(Label(c.Path)[:1]) + Label(c.Path)[1:]
		if !slices.Contains(what[c.Kind], l) {
			what[c.Kind] = append(what[c.Kind], l)
		}
	}
	var parts []string
	for _, k := range order {
		if len(what[k]) > 0 {
			parts = append(parts, verbs[k]+" "+and(what[k]))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

// and joins words as a list is written: "a", "a and b", "a, b and c".
func and(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

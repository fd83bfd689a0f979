package role

import (
	"slices"
	"strings"

	"github.com/roledoc/roledoc/internal/diag"
)

// reportingCycles reports every role that sits on a reports_to cycle, once
// per cycle member, so each file in the loop gets its own annotation.
func reportingCycles(s *Set, _ []*Role) []diag.Diagnostic {
	const (
		unvisited = iota
		active
		done
	)
	state := map[string]int{}
	var ds []diag.Diagnostic
	for _, start := range s.Roles {
		var stack []string
		id := start.ID
		for {
			if state[id] == done {
				break
			}
			if state[id] == active {
				i := slices.Index(stack, id)
				loop := append(slices.Clone(stack[i:]), id)
				for _, m := range stack[i:] {
					ds = append(ds, diag.Errorf(s.byID[m].Pos("reports_to"), diag.ReportingCycle,
						"reporting cycle %s; make one of these roles report outside the loop", strings.Join(loop, " → ")))
				}
				break
			}
			r, ok := s.byID[id]
			if !ok {
				break
			}
			state[id] = active
			stack = append(stack, id)
			id = r.ReportsTo
		}
		for _, m := range stack {
			state[m] = done
		}
	}
	return ds
}

package penalty

import (
	"fmt"
	"strings"
)

// Mermaid renders the ladder as a Mermaid flowchart: one subgraph per
// violation type, one node per step with its measures, and an arrow for each
// further offence (the last step loops on itself, "三次及以上"). The output
// is deterministic; penalty/LADDER.md embeds it for the two shipped tables.
func (tb Table) Mermaid() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\n", mermaidText(fmt.Sprintf("%s, effective %s (%s)", tb.Version, tb.EffectiveFrom.In(shanghai).Format("2006-01-02"), tb.Source)))
	b.WriteString("flowchart LR\n")
	for _, r := range tb.Rules {
		id := r.Type.String()
		fmt.Fprintf(&b, "  subgraph %s[\"%s %s · window: %s\"]\n", id, r.Type.ChineseName(), id, r.Window)
		b.WriteString("    direction LR\n")
		for i, s := range r.Steps {
			label := ordinal(s.Offence) + " offence"
			if i == len(r.Steps)-1 && len(r.Steps) > 1 {
				label = ordinal(s.Offence) + " and later"
			} else if len(r.Steps) == 1 {
				label = "every offence"
			}
			parts := []string{label}
			for _, m := range s.Measures {
				parts = append(parts, m.Kind.ChineseName()+" "+m.String())
			}
			fmt.Fprintf(&b, "    %s_%d[\"%s\"]\n", id, s.Offence, mermaidText(strings.Join(parts, "<br/>")))
		}
		for i, s := range r.Steps {
			to := s.Offence
			if i+1 < len(r.Steps) {
				to = r.Steps[i+1].Offence
			}
			fmt.Fprintf(&b, "    %s_%d -->|next offence| %s_%d\n", id, s.Offence, id, to)
		}
		b.WriteString("  end\n")
	}
	return b.String()
}

// LifecycleMermaid renders the lifecycle table ([Transitions]) as a Mermaid
// state diagram.
func LifecycleMermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	for _, t := range transitions {
		from := t.From.String()
		if t.From == StatusNone {
			from = "[*]"
		}
		fmt.Fprintf(&b, "  %s --> %s: %s\n", from, t.To, t.On)
	}
	return b.String()
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// mermaidText escapes the characters that end a quoted Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(s)
}

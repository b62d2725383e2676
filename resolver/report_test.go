package resolver

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestReportDoneCriteria(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	start := time.Now()
	rep, err := r.Report(ctx, ReportQuery{AsOf: "2026-06-01"})
	require.NoError(t, err)
	t.Logf("national report: %v", time.Since(start))
	nm := 0
	for _, c := range rep.Conflicts {
		if c.Law == "us/nm/hb-9" || c.Citation != "" && c.Agency[:6] == "us/nm/" {
			nm++
		}
	}
	require.Greater(t, nm, 0, "New Mexico's remaining agreements conflict with HB 9: %+v", rep.Conflicts)
}

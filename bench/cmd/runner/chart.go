package main

import (
	"fmt"
	"image/color"
	"os"
	"slices"

	"github.com/plughost/plughost/bench/internal/spec"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// chart draws, with gonum.org/v1/plot, the median wall time of each
// scenario against N (log-log, one line per program), the peak RSS of
// dispatch, and plughost's ratio to the floor, to one SVG file. The
// completion scenario has a panel of its own, beside the floor's and
// plughost's dispatch, and its ratio to the floor's dispatch.
func chart(r *results, path string) error {
	var panels []*plot.Plot
	for _, sc := range spec.Scenarios {
		p := logLog(fmt.Sprintf("%s: wall time per process", sc.Name), "N (commands)", "ms")
		if err := lines(p, r, sc.Name, func(c *cell, prog string) float64 {
			return float64(c.median(prog)) / 1e6
		}); err != nil {
			return err
		}
		panels = append(panels, p)
	}
	if len(r.completion) > 0 {
		p := logLog("completion: wall time per process (floor, plughost: dispatch)", "N (commands)", "ms")
		for i, key := range append([]string{floorDispatch, plugDispatch}, completionProgs...) {
			var xys plotter.XYs
			for _, c := range r.completion {
				if c.has(key) {
					xys = append(xys, plotter.XY{X: float64(c.n), Y: float64(c.median(key)) / 1e6})
				}
			}
			if len(xys) == 0 {
				continue
			}
			ci := slices.Index(libs, key)
			if key == plugDispatch {
				ci = len(libs) + len(spec.Scenarios) + 1 + i // a color of its own
			}
			if err := addLine(p, key, xys, ci); err != nil {
				return err
			}
		}
		panels = append(panels, p)
	}

	rss := logLog("dispatch: peak RSS (ru_maxrss)", "N (commands)", "MiB")
	if err := lines(rss, r, "dispatch", func(c *cell, prog string) float64 {
		return c.medianRSS(prog) / 1024
	}); err != nil {
		return err
	}
	panels = append(panels, rss)

	ratio := logLog("plughost ÷ floor, median of round-by-round ratios", "N (commands)", "ratio")
	ratio.Y.Scale, ratio.Y.Tick.Marker = plot.LinearScale{}, plot.DefaultTicks{}
	for i, sc := range spec.Scenarios {
		var xys plotter.XYs
		for _, n := range r.sizes {
			if c := r.cell(sc.Name, n); c != nil {
				med, _, _ := c.ratio(plugProg, floorProg)
				xys = append(xys, plotter.XY{X: float64(n), Y: med})
			}
		}
		if err := addLine(ratio, sc.Name, xys, len(libs)+i); err != nil {
			return err
		}
	}
	if len(r.completion) > 0 {
		var xys plotter.XYs
		for _, c := range r.completion {
			med, _, _ := c.ratio(plugProg, floorDispatch)
			xys = append(xys, plotter.XY{X: float64(c.n), Y: med})
		}
		if err := addLine(ratio, "completion ÷ floor's dispatch", xys, len(libs)+len(spec.Scenarios)); err != nil {
			return err
		}
	}
	for _, g := range []struct {
		limit  float64
		legend string
		dashes []vg.Length
	}{
		{targetWall, fmt.Sprintf("target %.2f× (dispatch, help, unknown)", targetWall), []vg.Length{vg.Points(4), vg.Points(3)}},
		{targetLenders, fmt.Sprintf("target %.2f× (lenders)", targetLenders), []vg.Length{vg.Points(1), vg.Points(3)}},
		{targetCompletion, fmt.Sprintf("target %.2f× (completion, N=%s)", targetCompletion, fmtN(targetCompletionSize)), []vg.Length{vg.Points(8), vg.Points(2), vg.Points(1), vg.Points(2)}},
	} {
		goal := plotter.NewFunction(func(float64) float64 { return g.limit })
		goal.Dashes = g.dashes
		goal.Color = color.Gray{Y: 100}
		ratio.Add(goal)
		ratio.Legend.Add(g.legend, goal)
	}
	ratio.Y.Min = 0
	ratio.Y.Max = max(ratio.Y.Max, targetLenders*1.05, targetCompletion*1.05) // keep the target lines in view
	ratio.Legend.Top = false
	panels = append(panels, ratio)

	const cols = 2
	rows := (len(panels) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, cols)
		for j := range cols {
			if k := i*cols + j; k < len(panels) {
				grid[i][j] = panels[k]
			}
		}
	}
	w, h := 28*vg.Centimeter, vg.Length(rows)*10*vg.Centimeter
	img := vgsvg.NewWith(vgsvg.UseWH(w, h))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Centimeter, PadY: vg.Centimeter,
		PadTop: vg.Millimeter * 5, PadBottom: vg.Millimeter * 5, PadLeft: vg.Millimeter * 5, PadRight: vg.Millimeter * 5}
	canvases := plot.Align(grid, tiles, dc)
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] != nil {
				grid[i][j].Draw(canvases[i][j])
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := img.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// palette has a color for each program, then one for each scenario.
var palette = append(append([]color.Color{}, plotutil.DarkColors...), plotutil.SoftColors...)

func logLog(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text, p.Y.Label.Text = x, y
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Add(plotter.NewGrid())
	return p
}

// lines adds a line per program of the scenario's cells, y(c, prog) at each N.
func lines(p *plot.Plot, r *results, scenario string, y func(*cell, string) float64) error {
	for _, prog := range libs {
		var xys plotter.XYs
		for _, n := range r.sizes {
			if c := r.cell(scenario, n); c != nil && c.has(prog) {
				xys = append(xys, plotter.XY{X: float64(n), Y: y(c, prog)})
			}
		}
		if len(xys) == 0 {
			continue
		}
		if err := addLine(p, prog, xys, slices.Index(libs, prog)); err != nil {
			return err
		}
	}
	return nil
}

// addLine adds a line with points, in the i'th of the palette's colors.
func addLine(p *plot.Plot, name string, xys plotter.XYs, i int) error {
	l, s, err := plotter.NewLinePoints(xys)
	if err != nil {
		return err
	}
	c := palette[i%len(palette)]
	l.Color, s.Color = c, c
	s.Shape = plotutil.Shape(i)
	p.Add(l, s)
	p.Legend.Add(name, l, s)
	return nil
}

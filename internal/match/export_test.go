package match

// CheckTable exposes the table invariant check to tests.
func (m *Matcher) CheckTable() error { return m.checkTable() }

// CheckCells exposes the cell invariant check to tests.
func (a *Symbols) CheckCells() error { return a.checkCells() }

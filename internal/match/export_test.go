package match

// CheckTable exposes the table invariant check to tests.
func (m *Matcher) CheckTable() error { return m.checkTable() }

// Package assets holds what PsyPlan ships inside its binary: the
// application icon and the default plan.
package assets

import _ "embed"

// DefaultPlan is the illustrative England plan that a new library starts
// with, as a plan file.
//
//go:embed default.psyplan
var DefaultPlan []byte

// Icon is the application's icon (256 x 256 PNG).
//
//go:embed icon.png
var Icon []byte

// Package docs holds the documents PsyPlan shows as well as ships.
package docs

import _ "embed"

// Model is the projection model explained for planners (model.md).
//
//go:embed model.md
var Model string

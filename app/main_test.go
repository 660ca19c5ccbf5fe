package app

import (
	_ "example.org/psyplan/locale" // as main does: CI runs with LANG=C
)

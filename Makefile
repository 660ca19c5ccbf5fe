# PsyPlan: two commands do everything.
#   make run    opens PsyPlan (on the default plan the first time)
#   make test   runs every test
# Both install what a fresh Debian machine with Go lacks (scripts/deps.sh).
#   make dist           the Windows installer (.msi) and zip and the Linux archive, in dist/
#   make check-windows  the Windows build under Wine 10 against the Linux one, and the installer

GO      ?= go
TAGS    := migrated_fynedo
export CGO_ENABLED := 1

.PHONY: run test deps build bench fuzz screenshots dist check-windows check-tree

deps:
	@./scripts/deps.sh

build: deps
	$(GO) build -tags $(TAGS) -o bin/psyplan .

# With no screen (a server, CI), the window opens on a virtual one.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then ./bin/psyplan; \
	else echo "No display found: running PsyPlan on a virtual screen (xvfb-run)."; xvfb-run -a ./bin/psyplan; fi

# The windows' tests (app/...) run under the race detector: their
# background work (projections, saving, the band) meets the UI goroutine
# there, and the session's goroutines meet each other. staticcheck is pinned.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
test: deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 $$($(GO) list ./... | grep -v '/app$$' | grep -v '/app/')
	$(GO) test -tags $(TAGS) -count=1 -race -timeout 30m ./app/...
	@# The engine's figures must not depend on the build: at GOAMD64=v3 the
	@# compiler may fuse a product into a sum, unless it is converted.
	@if grep -qw fma /proc/cpuinfo 2>/dev/null && grep -qw avx2 /proc/cpuinfo; then \
		echo "GOAMD64=v3 $(GO) test -count=1 ./plan"; GOAMD64=v3 $(GO) test -count=1 ./plan; fi

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRead -fuzztime 10m ./planfile
	$(GO) test -run '^$$' -fuzz FuzzAppend -fuzztime 2m ./shortest
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime 2m ./format
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzReadWorkbook$$' -fuzztime 4m ./workbook
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzReadSheet$$' -fuzztime 4m ./workbook

screenshots: build
	xvfb-run -a -s "-screen 0 1920x1080x24" ./bin/psyplan --db "$$(mktemp -d)/library.db" --screenshot screenshots

# dist/PsyPlan-VERSION-windows-amd64.msi, .zip, -linux-amd64.tar.xz and
# SHA256SUMS, the same bytes for the same commit (scripts/dist.sh).
dist:
	@./scripts/deps.sh dist
	./scripts/dist.sh

# The Windows build under Wine 10 in a Debian 13 chroot (made once, about
# 5 minutes; kept in /var/tmp/psyplan-wine): root only.
check-windows: dist
	@./scripts/deps.sh check-windows
	./scripts/check-windows.sh

# Nothing built in the repository: no tracked file over 1 MB, none a program.
check-tree:
	./scripts/check-tree.sh

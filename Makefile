# Logis — build, test and run. `make run` and `make test` do all the set-up
# a fresh Debian machine needs (system packages are installed when missing).

GO        ?= go
DEMO_DB   ?= demo.db
LINUX_PKGS = gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
WIN_PKGS   = gcc-mingw-w64-x86-64
LOOK_PKGS  = xvfb xdotool imagemagick poppler-utils qpdf
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

TEST_PKGS  = poppler-utils qpdf

.PHONY: all build run test vet bench windows paquet-windows test-windows deps deps-windows deps-test demo clean

all: build

# Install the system packages a cgo build of Fyne needs, only when missing.
deps:
	@missing=""; for p in $(LINUX_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets système :$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-windows:
	@dpkg -s $(WIN_PKGS) >/dev/null 2>&1 || { echo "Installation de MinGW-w64"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(WIN_PKGS); }

# Tools the PDF tests use to read the documents back (pdftotext, qpdf).
deps-test:
	@missing=""; for p in $(TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets de test :$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(GO) build -o logis .

# The demo base has the account demo / demo (responsable); the sign-in
# screen of a demo base says so.
DEMO_ENV   = LOGIS_UTILISATEUR=demo LOGIS_MOT_DE_PASSE=demo

$(DEMO_DB): | build
	$(DEMO_ENV) ./logis --db $(DEMO_DB) demo --menages 2000 --logements 1200

demo: build
	rm -f $(DEMO_DB)
	$(DEMO_ENV) ./logis --db $(DEMO_DB) demo --menages 100000 --logements 50000

run: build $(DEMO_DB)
	LANG=fr_FR.UTF-8 ./logis --db $(DEMO_DB)

vet: deps
	$(GO) vet ./...

test: deps deps-test
	$(GO) vet ./...
	$(GO) test -count=1 ./...

bench: deps
	$(GO) test -run='^$$' -bench=. -benchtime=3x ./...

windows: deps-windows
	mkdir -p dist
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(GO) build -ldflags "-H=windowsgui -s -w" -o dist/logis.exe .

# Release: dist/Logis-VERSION-windows.zip (Logis.exe with its icon and
# version information, the CSV templates, LISEZMOI.txt).
paquet-windows:
	bash tools/paquet-windows.sh

# The packaged exe under Wine: same files as the Linux binary, its window,
# its Windows behaviour (see tools/test-windows.sh). Run by .ci/run.
test-windows: paquet-windows
	bash tools/test-windows.sh

clean:
	rm -f logis dist/logis.exe dist/Logis-*-windows.zip

#!/usr/bin/env bash
# make paquet-windows: dist/Logis-VERSION-windows.zip holding Logis/Logis.exe
# (icon and version information from FyneApp.toml, version from git
# describe), the CSV templates and LISEZMOI.txt. The resources are compiled
# by MinGW's windres into a .syso that go build links: the rest of the build
# is the one `make windows` caches.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
need=""
for p in gcc-mingw-w64-x86-64 imagemagick zip; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
	echo "Installation des paquets :$need"
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

version=$(git describe --tags --always --dirty 2>/dev/null || echo inconnue)
toml() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -1; }
semver=$(toml Version) build=$(toml Build)
IFS=. read -r v1 v2 v3 <<<"${semver:-0.0.0}"
num="${v1:-0},${v2:-0},${v3:-0},${build:-0}"

tmp=$(mktemp -d)
syso=zz_paquet_windows_amd64.syso
trap 'rm -rf "$tmp" "$syso"' EXIT
convert Icon.png -define icon:auto-resize=256,64,48,32,16 "$tmp/logis.ico"
cat >"$tmp/logis.rc" <<RC
1 ICON "logis.ico"
1 VERSIONINFO
FILEVERSION $num
PRODUCTVERSION $num
FILEFLAGSMASK 0x3f
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040C04B0"
    BEGIN
      VALUE "CompanyName", "Office public de l'habitat de Valdevy"
      VALUE "FileDescription", "Logis - attributions de logements"
      VALUE "FileVersion", "$semver.$build"
      VALUE "InternalName", "logis"
      VALUE "OriginalFilename", "Logis.exe"
      VALUE "ProductName", "Logis"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x040C, 1200
  END
END
RC
x86_64-w64-mingw32-windres -O coff -i "$tmp/logis.rc" -o "$syso"

mkdir -p "$tmp/Logis/modeles" dist
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	$GO build -ldflags "-H=windowsgui -s -w" -o "$tmp/Logis/Logis.exe" .
cp testdata/modeles/*.csv "$tmp/Logis/modeles/"
sed "s/@VERSION@/$version/; s/\$/\r/" tools/windows/LISEZMOI.txt >"$tmp/Logis/LISEZMOI.txt"
zip="dist/Logis-$version-windows.zip"
rm -f "$zip"
(cd "$tmp" && zip -q -X -r - Logis) >"$zip"
echo "$zip ($(du -h "$zip" | cut -f1)) : Logis.exe $version, modèles CSV, LISEZMOI.txt"

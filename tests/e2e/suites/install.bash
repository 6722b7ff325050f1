# Installing: `cmake --install` into a prefix, and the Debian package `cpack -G DEB` builds, its
# metadata and contents, unpacked and (as root, when shopkeep is not installed already) installed
# with dpkg and removed again. The installed binary runs, finds its data beside itself, and the man
# pages and completions are where man and the shells look.

if [ -z "${SHOPKEEP_BUILD_DIR:-}" ] || [ ! -f "$SHOPKEEP_BUILD_DIR/CMakeCache.txt" ]; then
  echo "SHOPKEEP_BUILD_DIR is not a CMake build folder (ctest sets it): skipped"
  exit 125
fi
version=$("$SHOPKEEP" --version | awk '{print $2}')

# expect_layout ROOT PREFIX: the files of an install under ROOT/PREFIX.
expect_layout() {
  local p=$1$2 f
  for f in bin/shopkeep share/man/man1/shopkeep.1 share/man/man1/shopkeep-sync.1 share/man/man1/shopkeep-completion.1 \
    share/bash-completion/completions/shopkeep share/zsh/site-functions/_shopkeep \
    share/fish/vendor_completions.d/shopkeep.fish share/doc/shopkeep/README.md share/doc/shopkeep/LICENSE \
    share/doc/shopkeep/THIRD_PARTY_NOTICES.md share/doc/shopkeep/CHANGELOG.md share/doc/shopkeep/docs/scale.md; do
    [ -f "$p/$f" ] || fail "$2/$f is not installed"
  done
  [ -x "$p/bin/shopkeep" ] || fail "$2/bin/shopkeep is not executable"
  [ -d "$p/share/shopkeep" ] || fail "$2/share/shopkeep (the data folder) is not installed"
  if [ -d "$SHOPKEEP_SOURCE_DIR/templates" ]; then
    diff -r "$SHOPKEEP_SOURCE_DIR/templates" "$p/share/shopkeep/templates" > /dev/null ||
      fail "$2/share/shopkeep/templates differs from templates/"
  fi
}

# expect_runs BINARY DATA_DIR: the binary works and finds its data folder.
expect_runs() {
  local bin=$1
  [ "$("$bin" --version)" == "shopkeep $version" ] || fail "$bin --version: $("$bin" --version 2>&1)"
  [ "$("$bin" __data-dir)" == "$2" ] || fail "$bin finds its data in '$("$bin" __data-dir 2>&1)', expected '$2'"
  "$bin" --db "$PWD/s.db" init -q && "$bin" --db "$PWD/s.db" status --json | grep -q '"store_bytes"' || fail "$bin status does not work"
  "$bin" completion zsh | grep -q '^#compdef shopkeep' || fail "$bin completion zsh does not work"
}

TEST "cmake --install puts the binary, data, man pages, completions and docs under the prefix"
cmake --install "$SHOPKEEP_BUILD_DIR" --prefix "$PWD/prefix" > install.log 2>&1 || fail "cmake --install failed: $(tail -5 install.log)"
expect_layout "$PWD" /prefix
expect_runs "$PWD/prefix/bin/shopkeep" "$PWD/prefix/share/shopkeep"
for f in bash:bash-completion/completions/shopkeep zsh:zsh/site-functions/_shopkeep \
  fish:fish/vendor_completions.d/shopkeep.fish; do
  cmp -s "prefix/share/${f#*:}" <("$SHOPKEEP" completion "${f%%:*}") ||
    fail "prefix/share/${f#*:} is not what 'shopkeep completion ${f%%:*}' writes"
done
"$SHOPKEEP" __man fresh-man
diff -r fresh-man prefix/share/man/man1 > /dev/null || fail "the installed man pages are not what 'shopkeep __man' writes"
if command -v man >/dev/null; then
  out=$(MANWIDTH=200 man -M "$PWD/prefix/share/man" -P cat shopkeep-sync 2>&1)
  [[ $out == *"shopkeep-sync - Pull from"* ]] || fail "man -M PREFIX/share/man shopkeep-sync: ${out:0:300}"
fi
echo "    installed: $(du -sh prefix | cut -f1) ($(du -sh prefix/bin/shopkeep | cut -f1) binary)"

TEST "the data folder: beside the binary, the source tree for a build-tree binary, SHOPKEEP_DATA_DIR"
cmake --install "$SHOPKEEP_BUILD_DIR" --prefix "$PWD/prefix" > /dev/null 2>&1 || fail "cmake --install failed"
expect_eq "$("$SHOPKEEP" __data-dir)" "$SHOPKEEP_SOURCE_DIR" "build-tree binary"
mkdir mine
expect_eq "$(SHOPKEEP_DATA_DIR=$PWD/mine prefix/bin/shopkeep __data-dir)" "$PWD/mine" "SHOPKEEP_DATA_DIR"
SHOPKEEP_DATA_DIR=$PWD/nowhere sk __data-dir
expect_rc 1
expect_err_contains "SHOPKEEP_DATA_DIR"
mkdir -p lonely/bin && cp prefix/bin/shopkeep lonely/bin/
SHOPKEEP=$PWD/lonely/bin/shopkeep sk __data-dir
expect_rc 1
expect_err_contains "cannot find shopkeep's data folder"

TEST "cpack -G DEB: a package with its metadata, dependencies and files"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is missing (scripts/deps installs dpkg-dev)"
(cd "$SHOPKEEP_BUILD_DIR" && cpack -G DEB -B "$OLDPWD/pkg") > cpack.log 2>&1 || fail "cpack failed: $(tail -20 cpack.log)"
deb=$(ls pkg/shopkeep_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in pkg/: $(ls pkg)"
expect_eq "$(dpkg-deb -f "$deb" Package)" shopkeep "Package"
expect_eq "$(dpkg-deb -f "$deb" Version)" "$version" "Version"
expect_eq "$(dpkg-deb -f "$deb" Architecture)" "$(dpkg --print-architecture)" "Architecture"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libstdc++6 libcurl4 libsqlite3-0 libfmt9 libnlopt0 libssl3 tzdata; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
[[ $depends != *"-dev"* ]] || fail "Depends names a -dev package: $depends"
dpkg-deb -c "$deb" | awk '{print $6}' > contents.txt
for f in ./usr/bin/shopkeep ./usr/share/man/man1/shopkeep.1 ./usr/share/bash-completion/completions/shopkeep \
  ./usr/share/zsh/site-functions/_shopkeep ./usr/share/zsh/vendor-completions/_shopkeep \
  ./usr/share/fish/vendor_completions.d/shopkeep.fish \
  ./usr/share/doc/shopkeep/LICENSE ./usr/share/shopkeep/; do
  grep -qxF "$f" contents.txt || fail "the package lacks $f"
done
! grep -q -e unit_tests -e genshop -e testdata contents.txt || fail "the package holds test files"
dpkg-deb -x "$deb" root
file root/usr/bin/shopkeep | grep -q "not stripped" && fail "the packaged binary is not stripped"
expect_layout "$PWD/root" /usr
expect_runs "$PWD/root/usr/bin/shopkeep" "$PWD/root/usr/share/shopkeep"
echo "    $(basename "$deb"): $(du -h "$deb" | cut -f1), installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "    Depends: $depends"

TEST "the package installs with dpkg, runs from /usr/bin, and removes cleanly"
if [ "$(id -u)" -ne 0 ] || dpkg-query -W -f='${Status}' shopkeep 2>/dev/null | grep -q installed; then
  echo "    (not root, or shopkeep is installed on this machine already: dpkg -i not tried)"
else
  (cd "$SHOPKEEP_BUILD_DIR" && cpack -G DEB -B "$OLDPWD/pkg") > cpack.log 2>&1 || fail "cpack failed"
  deb=$(ls pkg/shopkeep_*.deb | head -1)
  # Another dpkg or apt may hold the lock for a while: wait for it rather than fail.
  for attempt in $(seq 30); do
    dpkg -i "$deb" > dpkg.log 2>&1 && break
    grep -q "lock" dpkg.log || break
    sleep 2
  done
  if dpkg-query -W -f='${Status}' shopkeep 2>/dev/null | grep -q "install ok installed"; then
    expect_runs /usr/bin/shopkeep /usr/share/shopkeep
    if command -v man >/dev/null; then
      MANWIDTH=200 man -P cat shopkeep 2>/dev/null | grep -q "^NAME" || fail "man shopkeep does not find the page"
    fi
    # Each shell finds the installed script by itself.
    out=$(bash --norc --noprofile -c 'source /usr/share/bash-completion/bash_completion
      _completion_loader shopkeep; complete -p shopkeep')
    [[ $out == *"_shopkeep"* ]] || fail "bash-completion does not load /usr/share/bash-completion/completions/shopkeep: $out"
    if command -v zsh >/dev/null; then
      out=$(zsh -fc 'autoload -Uz compinit && compinit -u -D && print -r -- $_comps[shopkeep]')
      [ "$out" == _shopkeep ] || fail "zsh's compinit does not find _shopkeep in its fpath: '$out'"
    fi
    if command -v fish >/dev/null; then
      out=$(fish -c 'complete -C "shopkeep kpi --by "' | cut -f1 | sort | tr '\n' ' ')
      [ "$out" == "day month week " ] || fail "fish does not find /usr/share/fish/vendor_completions.d/shopkeep.fish: '$out'"
    fi
    dpkg -r shopkeep > dpkg-r.log 2>&1 || fail "dpkg -r failed: $(tail -5 dpkg-r.log)"
    [ ! -e /usr/bin/shopkeep ] || fail "/usr/bin/shopkeep is left after dpkg -r"
  else
    fail "dpkg -i failed: $(tail -10 dpkg.log)"
    dpkg -r shopkeep > /dev/null 2>&1
  fi
fi

# Builds Switchboard's Windows installer with jlink and jpackage from the JDK 25 that runs Maven (the Windows
# counterpart of installer/build).
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-Type app-image,msi] [-AppVersion X.Y.Z] [-Rebuild|-NoMaven]
#
# Needs JAVA_HOME set to a JDK 25 (with jpackage), Maven on the PATH, and for an .msi or .exe WiX 3 (candle.exe and
# light.exe) or WiX 4/5 (wix.exe) on the PATH. Steps: the Maven package (when app\target's jars are missing or older
# than the sources, or -Rebuild; never with -NoMaven, which the Maven profile -Pinstallers passes),
# jdeps, jlink, then jpackage: an app-image with two launchers, Switchboard.exe (the console, no console window) and
# switchboard-cli.exe (the command line, in the terminal it is started from), and the installer: Start menu entry,
# desktop shortcut, a choice of folder, upgrades in place. Everything lands in installer\target\.
param(
    [string[]] $Type = @('app-image', 'msi'),
    [string] $AppVersion = '',
    [switch] $Rebuild,
    [switch] $NoMaven
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

function Die([string] $Message) {
    [Console]::Error.WriteLine("installer/build.ps1: $Message")
    exit 1
}
function Step([string] $Message) { Write-Host "== $Message" }

$inst = $PSScriptRoot
$root = Split-Path -Parent $inst
$out = Join-Path $inst 'target'
Set-Location $root

foreach ($t in $Type) {
    if (@('app-image', 'msi', 'exe') -notcontains $t) { Die "-Type $t cannot be built on Windows (app-image, msi, exe)" }
}

# --- the JDK -------------------------------------------------------------------------------------------------------
if (-not $env:JAVA_HOME) { Die 'set JAVA_HOME to a JDK 25, e.g. C:\Program Files\Eclipse Adoptium\jdk-25...' }
$bin = Join-Path $env:JAVA_HOME 'bin'
foreach ($tool in 'java', 'jdeps', 'jlink', 'jpackage') {
    if (-not (Test-Path (Join-Path $bin "$tool.exe"))) { Die "$env:JAVA_HOME has no bin\$tool.exe: a full JDK 25 is needed" }
}
$settings = & (Join-Path $bin 'java.exe') -XshowSettings:properties -version 2>&1 | Out-String
if ($settings -notmatch 'java\.specification\.version = (\d+)' -or [int]$Matches[1] -lt 25) {
    Die "JAVA_HOME ($env:JAVA_HOME) is not a JDK 25 or newer"
}
Write-Host "JDK: $env:JAVA_HOME"

# --- the jars ------------------------------------------------------------------------------------------------------
$jar = Join-Path $root 'app\target\switchboard-app.jar'
$lib = Join-Path $root 'app\target\lib'
$stale = $Rebuild -or -not (Test-Path $jar) -or -not (Test-Path $lib)
if ($NoMaven) {
    if (-not (Test-Path $jar) -or -not (Test-Path $lib)) { Die "-NoMaven: $jar or $lib is missing (run the Maven package first)" }
    $stale = $false
} elseif (-not $stale) {
    $built = (Get-Item $jar).LastWriteTime
    $newer = Get-ChildItem -Path $root -Recurse -File -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '\\(target|\.git)\\' -and
            ($_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\main\\') -and $_.LastWriteTime -gt $built } |
        Select-Object -First 1
    $stale = $null -ne $newer
}
if ($stale) {
    Step 'Maven package (tests skipped)'
    & mvn -B -q '-Dmaven.test.skip=true' package
    if ($LASTEXITCODE -ne 0) { Die 'the Maven build failed' }
} else {
    Step "jars: $jar and $lib (up to date)"
}

# --- the version: the pom's, numeric as jpackage needs it ----------------------------------------------------------
if (-not $AppVersion) {
    $pom = Get-Content -Raw (Join-Path $root 'pom.xml')
    if ($pom -notmatch '(?m)^    <version>([^<]+)</version>') { Die 'found no <version> in pom.xml' }
    $AppVersion = ($Matches[1] -replace '[^0-9.].*$', '').TrimEnd('.')
}
if ($AppVersion -notmatch '^\d+(\.\d+){0,3}$') { Die "the version must be numbers like 1.2.3, not '$AppVersion'" }
Write-Host "version: $AppVersion"

New-Item -ItemType Directory -Force -Path $out | Out-Null
$timings = Join-Path $out 'timings.txt'
Set-Content -Path $timings -Value $null
function Record([string] $Name, [string] $Path, [double] $Seconds) {
    $bytes = (Get-ChildItem -Path $Path -Recurse -File -Force | Measure-Object -Property Length -Sum).Sum
    $line = '{0,-10} {1,6} MiB {2,5} s  {3}' -f $Name, [math]::Round($bytes / 1MB), [math]::Round($Seconds), $Path
    Write-Host $line
    Add-Content -Path $timings -Value $line
}
function Run([string] $Tool, [string[]] $Arguments) {
    & (Join-Path $bin "$Tool.exe") @Arguments
    if ($LASTEXITCODE -ne 0) { Die "$Tool failed" }
}

# --- the modules the jars use (as installer/build) -----------------------------------------------------------------
Step 'jdeps: the JDK modules the jars need'
$watch = [Diagnostics.Stopwatch]::StartNew()
$found = & (Join-Path $bin 'jdeps.exe') --ignore-missing-deps -q --multi-release 25 --print-module-deps `
    --recursive --class-path "$lib\*" $jar
if ($LASTEXITCODE -ne 0 -or -not $found) { Die 'jdeps failed' }
$modules = (($found | Out-String).Trim()) + ',jdk.unsupported,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.crypto.ec,java.naming'
Write-Host "   $modules ($([math]::Round($watch.Elapsed.TotalSeconds)) s)"

Step 'jlink: a trimmed runtime'
$runtime = Join-Path $out 'runtime'
if (Test-Path $runtime) { Remove-Item -Recurse -Force $runtime }
$watch.Restart()
Run 'jlink' @('--add-modules', $modules, '--strip-debug', '--no-header-files', '--no-man-pages',
    '--compress', 'zip-6', '--output', $runtime)
Record 'runtime' $runtime $watch.Elapsed.TotalSeconds

# --- the app-image -------------------------------------------------------------------------------------------------
$common = @('--name', 'Switchboard', '--app-version', $AppVersion, '--vendor', 'Switchboard',
    '--description', 'Outbound campaigns on Genesys Cloud: voice, SMS and email',
    '--copyright', 'Copyright Switchboard contributors', '--icon', (Join-Path $inst 'icons\switchboard.ico'))
# what ./switchboard passes to java (the jpackage launcher ignores JDK_JAVA_OPTIONS); ZGC for the console's sake (its
# pauses stay under a millisecond; see the launcher), which the packaged command line shares
$launch = @('--main-jar', 'switchboard-app.jar', '--main-class', 'dev.switchboard.app.Main',
    '--java-options', '--enable-native-access=ALL-UNNAMED', '--java-options', '-Dfile.encoding=UTF-8',
    '--java-options', '-Dstdout.encoding=UTF-8', '--java-options', '-Dstderr.encoding=UTF-8',
    '--java-options', '-XX:+UseZGC',
    '--add-launcher', ('switchboard-cli=' + (Join-Path $inst 'windows\switchboard-cli.properties')))

Step 'jpackage: app-image'
$staging = Join-Path $out 'input'
$images = Join-Path $out 'app-image'
foreach ($d in $staging, $images) { if (Test-Path $d) { Remove-Item -Recurse -Force $d } }
New-Item -ItemType Directory -Force -Path $staging | Out-Null
Copy-Item $jar $staging
Copy-Item -Recurse $lib (Join-Path $staging 'lib')
$watch.Restart()
Run 'jpackage' (@('--type', 'app-image') + $common + $launch + @('--input', $staging, '--runtime-image', $runtime,
    '--dest', $images))
Remove-Item -Recurse -Force $staging
$image = Join-Path $images 'Switchboard'
Record 'app-image' $image $watch.Elapsed.TotalSeconds

# --- the installers ------------------------------------------------------------------------------------------------
$dist = Join-Path $out 'dist'
New-Item -ItemType Directory -Force -Path $dist | Out-Null
foreach ($t in $Type) {
    if ($t -eq 'app-image') { continue }
    Step "jpackage: $t"
    Get-ChildItem -Path $dist -Filter "*.$t" | Remove-Item -Force
    $watch.Restart()
    # the upgrade code stays the same for every version, so a new .msi replaces the installed one
    Run 'jpackage' (@('--type', $t) + $common + @('--app-image', $image, '--dest', $dist,
        '--win-menu', '--win-menu-group', 'Switchboard', '--win-shortcut', '--win-shortcut-prompt',
        '--win-dir-chooser', '--win-upgrade-uuid', '84fef60a-bc45-4b31-858a-72c4c444d811'))
    $built = Get-ChildItem -Path $dist -Filter "*.$t" | Select-Object -First 1
    Record $t $built.FullName $watch.Elapsed.TotalSeconds
}

Step 'done: installer\target'
Get-Content $timings

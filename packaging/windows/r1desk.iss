; Inno Setup 6 script: a per-user or all-users installer for the frozen app in dist\r1desk.
; Build on Windows from the repository root, after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\r1desk.iss
; Writes dist\r1desk-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; The AppId keeps upgrades and the uninstaller tied to one product: never change it.
AppId={{6B0E54A1-3C1F-4C39-9F0B-2F1D5E6A7C11}
AppName=r1desk
AppVersion={#AppVersion}
AppVerName=r1desk {#AppVersion}
AppPublisher=r1desk developers
AppPublisherURL=https://github.com/r1desk/r1desk
DefaultDirName={autopf}\r1desk
DefaultGroupName=r1desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=r1desk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\r1desk.ico
UninstallDisplayIcon={app}\r1desk.exe
UninstallDisplayName=r1desk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\r1desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\r1desk"; Filename: "{app}\r1desk.exe"; IconFilename: "{app}\r1desk.exe"; AppUserModelID: "io.github.r1desk.R1desk"
Name: "{group}\Uninstall r1desk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\r1desk"; Filename: "{app}\r1desk.exe"; Tasks: desktopicon; AppUserModelID: "io.github.r1desk.R1desk"

[Run]
Filename: "{app}\r1desk.exe"; Description: "{cm:LaunchProgram,r1desk}"; Flags: nowait postinstall skipifsilent

; Conversations, settings and the log live in %LOCALAPPDATA%\r1desk and the key in the Credential
; Manager: the uninstaller leaves them, as users expect of a chat history.

; Inno Setup script: the Windows installer of the nnstudio bundle.
;
;   python packaging\build.py                                  (makes dist\nnstudio\ and build\icons\nnstudio.ico)
;   iscc /DAppVersion=0.1.0 packaging\windows\nnstudio.iss     (makes dist\nnstudio-0.1.0-windows-x64-setup.exe)
;
; Paths are relative to this file. Installs per user or for all users (the installer asks),
; adds a Start menu entry (and, if chosen, a desktop icon), and puts nnstudio in the
; "Open with" list of .json files without taking them over: Windows knows a file only by its
; last extension, so a design (.json) cannot be told from other JSON files by its name.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1D7E3A-4C2B-4E8A-9B1D-2A7C5E9F0B13}
AppName=nnstudio
AppVersion={#AppVersion}
AppPublisher=nnstudio
DefaultDirName={autopf}\nnstudio
DefaultGroupName=nnstudio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=nnstudio-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\nnstudio.ico
UninstallDisplayIcon={app}\nnstudio.exe
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\nnstudio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\nnstudio"; Filename: "{app}\nnstudio.exe"
Name: "{autodesktop}\nnstudio"; Filename: "{app}\nnstudio.exe"; Tasks: desktopicon

[Registry]
; the "nnstudio design" file type, offered in Open with for .json
Root: HKA; Subkey: "Software\Classes\nnstudio.design"; ValueType: string; ValueData: "nnstudio design"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\nnstudio.design\DefaultIcon"; ValueType: string; ValueData: "{app}\nnstudio.exe,0"
Root: HKA; Subkey: "Software\Classes\nnstudio.design\shell\open\command"; ValueType: string; ValueData: """{app}\nnstudio.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "nnstudio.design"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\nnstudio.exe"; Description: "{cm:LaunchProgram,nnstudio}"; Flags: nowait postinstall skipifsilent

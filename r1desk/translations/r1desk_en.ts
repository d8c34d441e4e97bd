<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>TransferTexts</name>
    <message numerus="yes">
        <source>Exported %n file(s) to {where}</source>
        <translation>
            <numerusform>Exported %n file to {where}</numerusform>
            <numerusform>Exported %n files to {where}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:
{names}

Replace them?</source>
        <translation>
            <numerusform>%n file already exists:
{names}

Replace it?</numerusform>
            <numerusform>%n files already exist:
{names}

Replace them?</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Language</name>
    <message>
        <location filename="../../gui/translation.py" line="+71"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Takes effect when the program next starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

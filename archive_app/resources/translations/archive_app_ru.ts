<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AliasEditor</name>
    <message>
        <location filename="../../gui/alias_editor/editor.py" line="+58"/>
        <source>Place-name aliases</source>
        <translation>Варианты топонимов</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Alias groups</source>
        <translation>Группы вариантов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete group</source>
        <translation>Удалить группу</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No alias groups yet. Make one for each place that goes by several names, and a search for any of them finds them all.</source>
        <translation>Групп вариантов пока нет. Создайте группу для каждого места, у которого несколько названий, — и поиск по любому из них найдёт все.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Names of one place or thing. A search for any name of a group finds the sources that use the others; edits apply to the next search at once.</source>
        <translation>Названия одного места или предмета. Поиск по любому названию группы находит источники, где используются другие; изменения сразу действуют при следующем поиске.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>A group needs two names at least: delete the group instead.</source>
        <translation>В группе должно быть не меньше двух названий — вместо этого удалите группу.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Made the group {group_label}.</source>
        <translation>Создана группа {group_label}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deleted the group {group_label}.</source>
        <translation>Удалена группа {group_label}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adopted the gazetteer&apos;s names as the group {group_label}.</source>
        <translation>Названия из справочника сохранены как группа {group_label}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Added “{name}”.</source>
        <translation>Добавлено «{name}».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removed “{name}”.</source>
        <translation>Удалено «{name}».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>«{old}» переименовано в «{new}».</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved the note.</source>
        <translation>Заметка сохранена.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restored the group.</source>
        <translation>Группа восстановлена.</translation>
    </message>
</context>
<context>
    <name>AliasGroupModel</name>
    <message>
        <location filename="../../gui/alias_editor/models.py" line="+78"/>
        <source>No note yet</source>
        <translation>Заметки пока нет</translation>
    </message>
</context>
<context>
    <name>AnnotateActions</name>
    <message>
        <location filename="../../gui/reader/annotating.py" line="+74"/>
        <source>&amp;Annotate…</source>
        <translation>&amp;Аннотировать…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotate the selected passage, or the picture or page ({native})</source>
        <translation>Аннотировать выделенный фрагмент, изображение или страницу ({native})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draw &amp;region</source>
        <translation>Выделить &amp;область</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drag on the picture or page to mark a region ({native}; or hold Shift while dragging)</source>
        <translation>Протяните по изображению или странице, чтобы отметить область ({native}; или удерживайте Shift при перетаскивании)</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <location filename="../../gui/annotations/panel.py" line="+115"/>
        <source>No note</source>
        <translation>Без заметки</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../gui/annotations/editor.py" line="+109"/>
        <source>Save the annotation ({keys})</source>
        <translation>Сохранить аннотацию ({keys})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the annotation</source>
        <translation>Сохранить аннотацию</translation>
    </message>
</context>
<context>
    <name>AnnotationList</name>
    <message>
        <location filename="../../gui/annotations/panel.py" line="+113"/>
        <source>Annotations of this source</source>
        <translation>Аннотации этого источника</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location line="+38"/>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the note and labels (F2)</source>
        <translation>Изменить заметку и метки (F2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the annotation (Del)</source>
        <translation>Удалить аннотацию (Del)</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../gui/annotations/annotator.py" line="+90"/>
        <source>Annotate</source>
        <translation>Аннотировать</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit annotation</source>
        <translation>Изменить аннотацию</translation>
    </message>
</context>
<context>
    <name>BackupTools</name>
    <message>
        <location filename="../../gui/backup_dialogs.py" line="+250"/>
        <source>&amp;Back up…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the archive, with every original, to one backup file</source>
        <translation>Записать архив со всеми оригиналами в один файл резервной копии</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore a backup file into a new archive</source>
        <translation>Восстановить резервную копию в новый архив</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Automatic backups…</source>
        <translation>&amp;Автоматическое резервное копирование…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back up</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up the archive to {target}…</source>
        <translation>Резервное копирование архива в {target}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking and restoring {name}…</source>
        <translation>Проверка и восстановление {name}…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Automatic backup: {summary}</source>
        <translation>Автоматическая резервная копия: {summary}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backup</source>
        <translation>Автоматическое резервное копирование</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../gui/capture_dialog.py" line="+31"/>
        <source>Capture web pages</source>
        <translation>Сохранить веб-страницы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Addresses of the pages to capture, one a line. Each page is fetched with the photos its article shows (no scripts or trackers), and the whole exchange is kept as a WARC file, the capture&apos;s original.</source>
        <translation>Адреса страниц для сохранения, по одному на строку. Каждая страница загружается вместе с фотографиями статьи (без скриптов и трекеров), а весь обмен с сервером сохраняется в файл WARC — оригинал снимка.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Addresses to capture</source>
        <translation>Адреса для сохранения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capture</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>CaptureFacts</name>
    <message>
        <location filename="../../gui/inspector/capture.py" line="+38"/>
        <source>HTTP headers…</source>
        <translation>Заголовки HTTP…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the server answered, header by header</source>
        <translation>Ответ сервера, заголовок за заголовком</translation>
    </message>
</context>
<context>
    <name>CardLayout</name>
    <message>
        <location filename="../../gui/compare/cards.py" line="+258"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>About {events}</source>
        <translation>О событиях: {events}</translation>
    </message>
</context>
<context>
    <name>CardListModel</name>
    <message>
        <location line="-158"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title}
{byline}{verification}
Double-click to open it in the reader.</source>
        <translation>{title}
{byline}{verification}
Двойной щелчок открывает источник в окне чтения.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 passage</source>
        <translation>1 фрагмент</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n passages</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../gui/chips.py" line="+51"/>
        <source>Remove {text}</source>
        <translation>Убрать {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove “{text}”</source>
        <translation>Убрать «{text}»</translation>
    </message>
</context>
<context>
    <name>ColorSwatches</name>
    <message>
        <location filename="../../gui/research_dialogs.py" line="+183"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Other…</source>
        <translation>Другой…</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <location filename="../../gui/compare/column.py" line="+161"/>
        <location line="+34"/>
        <source>{name}: sources</source>
        <translation>{name}: источники</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/compare/view.py" line="+93"/>
        <source>Comparing perspectives</source>
        <translation>Сравнение точек зрения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare perspectives</source>
        <translation>Сравнить точки зрения</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event to compare</source>
        <translation>Событие для сравнения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Include sub-events</source>
        <translation>Включая вложенные события</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Count the sources of the events that are part of this one</source>
        <translation>Учитывать источники событий, входящих в это событие</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sort cards</source>
        <translation>Порядок карточек</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Compare perspectives on</source>
        <translation>Сравнить точки зрения на</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sort</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>There are no events yet.

Add one in the sidebar, tag sources with it, and compare here how each perspective told it.</source>
        <translation>Событий пока нет.

Добавьте событие на боковой панели, отметьте им источники и сравните здесь, как его описывает каждая точка зрения.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No sources are tagged with “{name}” yet — drag sources onto it in the sidebar, or add the event to a source in the inspector.</source>
        <translation>Источников с событием «{name}» пока нет — перетащите источники на него на боковой панели или добавьте событие источнику в инспекторе.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> and {value} more</source>
        <translation> и ещё {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with {counted}: {names}{more}</source>
        <translation>с {counted}: {names}{more}</translation>
    </message>
</context>
<context>
    <name>CountDelegate</name>
    <message>
        <location filename="../../gui/sidebar/delegate.py" line="+109"/>
        <source>New name</source>
        <translation>Новое название</translation>
    </message>
</context>
<context>
    <name>DetailTabs</name>
    <message>
        <location filename="../../gui/detail_tabs.py" line="+26"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Annotations ({count})</source>
        <translation>Аннотации ({count})</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../gui/research_dialogs.py" line="-79"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second Karabakh War</source>
        <translation>Вторая карабахская война</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2020, Sep 2020 or 27 Sep 2020</source>
        <translation>2020, сен 2020 или 27 сен 2020</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave empty for a single day</source>
        <translation>Оставьте пустым, если событие длилось один день</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nagorno-Karabakh</source>
        <translation>Нагорный Карабах</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What happened, and why it matters to this research</source>
        <translation>Что произошло и почему это важно для исследования</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Dates</source>
        <translation>&amp;Даты</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Place</source>
        <translation>&amp;Место</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Give the event a name.</source>
        <translation>Дайте событию название.</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <location filename="../../gui/inspector/evidence.py" line="+52"/>
        <source>Why (recorded with the next change)</source>
        <translation>Почему (записывается вместе со следующим изменением)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification status</source>
        <translation>Статус проверки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reliability of the source</source>
        <translation>Надёжность источника</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Credibility of the information</source>
        <translation>Достоверность информации</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Graphic</source>
        <translation>Шокирующее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiable people</source>
        <translation>Узнаваемые люди</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Town, or a name of your own</source>
        <translation>Населённый пункт или своё название</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From GPS</source>
        <translation>По GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the photo&apos;s own GPS position</source>
        <translation>Взять координаты GPS из самой фотографии</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credibility</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitive</source>
        <translation>Деликатное</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_menu.py" line="+118"/>
        <source>Export {label}</source>
        <translation>Экспорт: {label}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;What to export&lt;/b&gt;</source>
        <translation>&lt;b&gt;Что экспортировать&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a file ending in {join}</source>
        <translation>файл с расширением {join}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as:</source>
        <translation>Сохранить как:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the report when it is written</source>
        <translation>Открыть отчёт, когда он будет готов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Citation style:</source>
        <translation>Стиль цитирования:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave out sensitive images (graphic, or showing identifiable people)</source>
        <translation>Не включать чувствительные изображения (жестокие сцены или узнаваемые люди)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a file to export to.</source>
        <translation>Выберите файл для экспорта.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Exporting {label}</source>
        <translation>Экспорт: {label}</translation>
    </message>
</context>
<context>
    <name>ExportTools</name>
    <message>
        <location line="+50"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Citation &amp;style</source>
        <translation>&amp;Стиль цитирования</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copy &amp;citation</source>
        <translation>Копировать &amp;ссылку</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put the selected sources&apos; citations on the clipboard</source>
        <translation>Скопировать библиографические ссылки на выбранные источники в буфер обмена</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>1 citation</source>
        <translation>1 ссылку</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n citations</source>
        <translation>
            <numerusform>%n ссылку</numerusform>
            <numerusform>%n ссылки</numerusform>
            <numerusform>%n ссылок</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied {count} in {value}.</source>
        <translation>Скопировано: {count}, стиль {value}.</translation>
    </message>
</context>
<context>
    <name>FacetChips</name>
    <message>
        <location filename="../../gui/facet_chips.py" line="+69"/>
        <source>Narrow the search</source>
        <translation>Уточнить поиск</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Only the hits with {field} {label}: {facet_term}</source>
        <translation>Только результаты, где {field} — {label}: {facet_term}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} more {noun}…</source>
        <translation>Ещё {count}: {noun}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Narrow to one of the other {noun}</source>
        <translation>Уточнить по другим значениям: {noun}</translation>
    </message>
</context>
<context>
    <name>FigureCopiesBar</name>
    <message>
        <location filename="../../gui/reader/figure_copies.py" line="+89"/>
        <source>This article&apos;s photos elsewhere</source>
        <translation>Фотографии этой статьи в других источниках</translation>
    </message>
</context>
<context>
    <name>FigureCopyRow</name>
    <message>
        <location line="-45"/>
        <source>A photo in this article</source>
        <translation>Фотография из этой статьи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also appears in 1 source: the photo “{caption}”</source>
        <translation>Встречается ещё в 1 источнике: фотография «{caption}»</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Also appears in %Ln sources: the photo “{caption}”</source>
        <translation>
            <numerusform>Встречается ещё в %Ln источнике: фотография «{caption}»</numerusform>
            <numerusform>Встречается ещё в %Ln источниках: фотография «{caption}»</numerusform>
            <numerusform>Встречается ещё в %Ln источниках: фотография «{caption}»</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>Compare captions</source>
        <translation>Сравнить подписи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide captions</source>
        <translation>Скрыть подписи</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/reader/hits.py" line="+140"/>
        <location line="+1"/>
        <source>Find in this source</source>
        <translation>Найти в этом источнике</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find</source>
        <translation>Закрыть поиск</translation>
    </message>
</context>
<context>
    <name>GazetteerPanel</name>
    <message>
        <location filename="../../gui/alias_editor/gazetteer_panel.py" line="+42"/>
        <source>Built-in gazetteer (GeoNames)</source>
        <translation>Встроенный географический справочник (GeoNames)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a place&apos;s other names from the gazetteer</source>
        <translation>Искать другие названия места по справочнику</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look up a place name, e.g. Khankendi</source>
        <translation>Найти топоним, например Ханкенди</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Places with this name</source>
        <translation>Места с этим названием</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names the place brings into a search</source>
        <translation>Названия, которые это место добавляет в поиск</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adopt as alias group</source>
        <translation>Сохранить как группу вариантов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the checked names a group of your own, to edit as you like</source>
        <translation>Сделать отмеченные названия своей группой, которую можно изменять</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Preparing the gazetteer (once, about 15 seconds)…</source>
        <translation>Подготовка справочника (однократно, около 15 секунд)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No place is called “{text}”.</source>
        <translation>Места с названием «{text}» нет.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} places are called “{text}”: a search for it asks which is meant.</source>
        <translation>Мест с названием «{text}»: {count}; при поиске будет задан вопрос, какое из них имеется в виду.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>from the gazetteer</source>
        <translation>из справочника</translation>
    </message>
</context>
<context>
    <name>GroupDelegate</name>
    <message>
        <location filename="../../gui/alias_editor/models.py" line="+86"/>
        <source>No note on who uses which name</source>
        <translation>Нет заметки о том, кто какое название использует</translation>
    </message>
</context>
<context>
    <name>GroupPane</name>
    <message>
        <location filename="../../gui/alias_editor/forms.py" line="+83"/>
        <source>Names of the group</source>
        <translation>Названия группы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add a name…</source>
        <translation>Добавить название…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for the group</source>
        <translation>Новое название для группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove name</source>
        <translation>Удалить название</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note on who uses which name</source>
        <translation>Заметка о том, кто какое название использует</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who uses which name: Khankendi in Azerbaijani sources, …</source>
        <translation>Кто какое название использует: Ханкенди в азербайджанских источниках, …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Names&lt;/b&gt; — double-click one to correct its spelling</source>
        <translation>&lt;b&gt;Названия&lt;/b&gt; — двойной щелчок, чтобы исправить написание</translation>
    </message>
</context>
<context>
    <name>HeadersDialog</name>
    <message>
        <location filename="../../gui/capture_dialog.py" line="+41"/>
        <source>HTTP headers</source>
        <translation>Заголовки HTTP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Header</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../gui/history_tab.py" line="+73"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provenance report…</source>
        <translation>Отчёт о происхождении…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write where this source came from and everything that happened to it, with its original hashed again now, as PDF or HTML</source>
        <translation>Записать в PDF или HTML, откуда взят этот источник и всё, что с ним происходило, заново вычислив хеш его оригинала</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No source selected.</source>
        <translation>Источник не выбран.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 entry</source>
        <translation>1 запись</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} in the audit trail, which nobody can change unseen.</source>
        <translation>{count} в журнале аудита; незаметно изменить его невозможно.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Writing the provenance report</source>
        <translation>Создание отчёта о происхождении</translation>
    </message>
</context>
<context>
    <name>HitNavigator</name>
    <message>
        <location filename="../../gui/reader/hits.py" line="-111"/>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Finding matches…</source>
        <translation>Поиск совпадений…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>1 match</source>
        <translation>1 совпадение</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{current} of {count}</source>
        <translation>{current} из {count}</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <location filename="../../gui/reader/image_canvas.py" line="+82"/>
        <source>Picture</source>
        <translation>Изображение</translation>
    </message>
</context>
<context>
    <name>ImageDetails</name>
    <message>
        <location filename="../../gui/reader/image_details.py" line="+96"/>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credit</source>
        <translation>Автор снимка</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appears in</source>
        <translation>Встречается в</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open {value}</source>
        <translation>Открыть {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this source</source>
        <translation>Открыть этот источник</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../../gui/image_grid.py" line="+246"/>
        <source>Thumbnail grid</source>
        <translation>Сетка миниатюр</translation>
    </message>
</context>
<context>
    <name>ImageReader</name>
    <message>
        <location filename="../../gui/reader/image_reader.py" line="+86"/>
        <source>Fit to pane</source>
        <translation>Вписать в панель</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opening the picture</source>
        <translation>Открытие изображения</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>{message} This is its thumbnail.</source>
        <translation>{message} Показана миниатюра.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../gui/import_panel.py" line="+46"/>
        <location line="+53"/>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop importing; what was imported so far is kept</source>
        <translation>Остановить импорт; уже импортированное сохранится</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Capturing</source>
        <translation>Сохранение страниц</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for files…</source>
        <translation>Поиск файлов…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capture</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> · {failed} failed</source>
        <translation> · с ошибкой: {failed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{verb} {done} of {total}{failed}</source>
        <translation>{verb}: {done} из {total}{failed}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../gui/import_report.py" line="+144"/>
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show imported sources</source>
        <translation>Показать импортированные источники</translation>
    </message>
</context>
<context>
    <name>InspectorPane</name>
    <message>
        <location filename="../../gui/inspector/pane.py" line="+146"/>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Photo</source>
        <translation>Фотография</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Research</source>
        <translation>Исследование</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No source selected.</source>
        <translation>Источник не выбран.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>&lt;b&gt;{count:,} sources selected.&lt;/b&gt; Events, perspectives and tags added or removed here apply to all {count:,}; the details are those of “{escape}”.</source>
        <translation>&lt;b&gt;Выбрано источников: {count:,}.&lt;/b&gt; События, точки зрения и метки, добавленные или убранные здесь, применяются ко всем ({count:,}); сведения показаны для «{escape}».</translation>
    </message>
</context>
<context>
    <name>LabelRow</name>
    <message>
        <location filename="../../gui/label_rows.py" line="+89"/>
        <source>+ add</source>
        <translation>+ добавить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add {value}</source>
        <translation>Добавить {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add {value} (type its name; a new one can be made)</source>
        <translation>Добавить {value} (введите название; можно создать новое)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name of {value} to add</source>
        <translation>Название: {value}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>Labeling</name>
    <message>
        <location filename="../../gui/labeling.py" line="+76"/>
        <source>New event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New sub-event of “{name}”</source>
        <translation>Новое вложенное событие в «{name}»</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New perspective</source>
        <translation>Новая точка зрения</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../gui/translation.py" line="+71"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Системный</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Takes effect when the program next starts</source>
        <translation>Вступит в силу при следующем запуске программы</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+364"/>
        <source>Moving to the trash</source>
        <translation>Перемещение в корзину</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>No other archives yet</source>
        <translation>Других архивов пока нет</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>edit them in Research ▸ {replace} ({keys})</source>
        <translation>их можно изменить: Исследование ▸ {replace} ({keys})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search syntax</source>
        <translation>Синтаксис поиска</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../gui/message_bar.py" line="+32"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss message</source>
        <translation>Скрыть сообщение</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>  ({count} messages)</source>
        <translation>  (сообщений: {count})</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../gui/inspector/fields.py" line="+185"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Open this address in the web browser</source>
        <translation>Открыть этот адрес в браузере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the URL</source>
        <translation>Открыть URL</translation>
    </message>
</context>
<context>
    <name>NewGroupForm</name>
    <message>
        <location filename="../../gui/alias_editor/forms.py" line="-72"/>
        <source>Shusha, Shushi, Şuşa</source>
        <translation>Шуша, Шуши, Şuşa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of the new group</source>
        <translation>Названия новой группы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who uses which name (optional)</source>
        <translation>Кто какое название использует (необязательно)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create group</source>
        <translation>Создать группу</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;New group&lt;/b&gt;</source>
        <translation>&lt;b&gt;Новая группа&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the names one place or thing goes by, separated by commas.</source>
        <translation>Введите через запятую названия, под которыми известно место или предмет.</translation>
    </message>
</context>
<context>
    <name>NoteField</name>
    <message>
        <location filename="../../gui/annotations/editor.py" line="-55"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your note on this (Markdown welcome). Ctrl+Enter saves.</source>
        <translation>Ваша заметка (можно в Markdown). Ctrl+Enter — сохранить.</translation>
    </message>
</context>
<context>
    <name>NotesField</name>
    <message>
        <location filename="../../gui/inspector/fields.py" line="-99"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on this source (Markdown welcome)</source>
        <translation>Заметки об этом источнике (можно в Markdown)</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../gui/reader/header.py" line="+180"/>
        <source>Notes on this source</source>
        <translation>Заметки об этом источнике</translation>
    </message>
</context>
<context>
    <name>OcrLanguagesDialog</name>
    <message>
        <location filename="../../gui/ocr_languages.py" line="+28"/>
        <location line="+17"/>
        <source>OCR languages</source>
        <translation>Языки распознавания текста</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The languages scans and photos of documents are read in, as Tesseract&apos;s codes (eng rus hye) or two-letter codes (en ru hy). The archive&apos;s most common languages are added. Empty: {languages}.</source>
        <translation>Языки, на которых распознаются сканы и фотографии документов: коды Tesseract (eng rus hye) или двухбуквенные коды (en ru hy). Самые частые языки архива добавляются сами. Если пусто: {languages}.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Installed here: {languages}.</source>
        <translation>Установлены здесь: {languages}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tesseract OCR is not installed here.</source>
        <translation>Tesseract OCR здесь не установлен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not installed, so not read until installed: {languages}. Install with: {command}</source>
        <translation>Не установлены, поэтому не распознаются до установки: {languages}. Установить командой: {command}</translation>
    </message>
</context>
<context>
    <name>OpeningProgress</name>
    <message>
        <location filename="../../gui/session.py" line="+44"/>
        <source>Opening “{name}”…</source>
        <translation>Открытие «{name}»…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening archive</source>
        <translation>Открытие архива</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rebuilding the search index: {done:,} of {total:,} sources</source>
        <translation>Перестройка поискового индекса: {done:,} из {total:,} источников</translation>
    </message>
</context>
<context>
    <name>PdfReader</name>
    <message>
        <location filename="../../gui/reader/pdf_reader.py" line="+72"/>
        <source>PDF pages</source>
        <translation>Страницы PDF</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+14"/>
        <source>Extracted text</source>
        <translation>Извлечённый текст</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the text extracted from the PDF</source>
        <translation>Показать текст, извлечённый из PDF</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This PDF cannot be shown</source>
        <translation>Этот PDF невозможно показать</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>of {pages}</source>
        <translation>из {pages}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{problem}, so its pages cannot be shown: this is the text extracted when it was imported.</source>
        <translation>{problem}, поэтому его страницы показать нельзя; ниже — текст, извлечённый при импорте.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{problem}, so its pages cannot be shown, and no text could be extracted from it.</source>
        <translation>{problem}, поэтому его страницы показать нельзя, а текст извлечь не удалось.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+3"/>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
</context>
<context>
    <name>PerspectiveDialog</name>
    <message>
        <location filename="../../gui/research_dialogs.py" line="+80"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>International wire</source>
        <translation>Международные агентства</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who speaks from this viewpoint</source>
        <translation>Кто высказывается с этой точки зрения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Colour</source>
        <translation>&amp;Цвет</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give the perspective a name.</source>
        <translation>Дайте точке зрения название.</translation>
    </message>
</context>
<context>
    <name>PhotoCopiesPanel</name>
    <message>
        <location filename="../../gui/reader/reuse_panel.py" line="+56"/>
        <source>Marked: names and places (yellow) and dates (blue) the other captions do not have.</source>
        <translation>Выделены имена и места (жёлтым) и даты (синим), которых нет в других подписях.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Also appears in 1 source</source>
        <translation>Встречается ещё в 1 источнике</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Also appears in %n sources</source>
        <translation>
            <numerusform>Встречается ещё в %n источнике</numerusform>
            <numerusform>Встречается ещё в %n источниках</numerusform>
            <numerusform>Встречается ещё в %n источниках</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvenanceSection</name>
    <message>
        <location filename="../../gui/inspector/facts.py" line="+129"/>
        <source>Copy the whole SHA-256</source>
        <translation>Копировать SHA-256 полностью</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the SHA-256</source>
        <translation>Копировать SHA-256</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importer</source>
        <translation>Модуль импорта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open original</source>
        <translation>Открыть оригинал</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The original file is missing from the archive folder.</source>
        <translation>Оригинальный файл отсутствует в папке архива.</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../gui/reader/pane.py" line="+94"/>
        <source>Reader</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+245"/>
        <source>Choose a source to read it here.</source>
        <translation>Выберите источник, чтобы прочитать его здесь.</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>Find in this source</source>
        <translation>Найти в этом источнике</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in this source (Ctrl+F)</source>
        <translation>Найти в этом источнике (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>This source is no longer in the archive.</source>
        <translation>Этого источника больше нет в архиве.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <location filename="../../gui/reader/text_view.py" line="+72"/>
        <source>Source text</source>
        <translation>Текст источника</translation>
    </message>
</context>
<context>
    <name>ResearchChips</name>
    <message>
        <location filename="../../gui/inspector/pane.py" line="-162"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>ReuseFinder</name>
    <message>
        <location filename="../../gui/reader/reuse_panel.py" line="+128"/>
        <source>Fingerprinting photos and texts</source>
        <translation>Вычисление отпечатков фотографий и текстов</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking for the same photo or story</source>
        <translation>Поиск той же фотографии или статьи</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{message}: {done} of {total}</source>
        <translation>{message}: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>ReusedPhotosView</name>
    <message>
        <location filename="../../gui/reused_photos.py" line="+151"/>
        <source>Reused photos</source>
        <translation>Повторно использованные фотографии</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only photos told by different perspectives</source>
        <translation>Только фотографии, показанные с разных точек зрения</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>Looking for photos shown more than once…</source>
        <translation>Поиск фотографий, опубликованных несколько раз…</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+76"/>
        <source>Choose a photo to see how each source told it.</source>
        <translation>Выберите фотографию, чтобы увидеть, как её подал каждый источник.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Finding reused photos</source>
        <translation>Поиск повторно использованных фотографий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{message}: {done} of {total}…</source>
        <translation>{message}: {done} из {total}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No photo is shown more than once in this archive.</source>
        <translation>В этом архиве нет фотографий, опубликованных более одного раза.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n photos shown more than once</source>
        <translation>
            <numerusform>%n фотография опубликована несколько раз</numerusform>
            <numerusform>%n фотографии опубликованы несколько раз</numerusform>
            <numerusform>%n фотографий опубликованы несколько раз</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Shown %n times, first seen first:</source>
        <translation>
            <numerusform>Опубликована %n раз, сначала самая ранняя:</numerusform>
            <numerusform>Опубликована %n раза, сначала самая ранняя:</numerusform>
            <numerusform>Опубликована %n раз, сначала самая ранняя:</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{shown} of {total} photos, told by different perspectives</source>
        <translation>{shown} из {total} фотографий, показанных с разных точек зрения</translation>
    </message>
</context>
<context>
    <name>SameStoryBar</name>
    <message>
        <location filename="../../gui/reader/reuse_panel.py" line="-134"/>
        <source>The same story elsewhere</source>
        <translation>Та же статья в других источниках</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+35"/>
        <source>Show differing paragraphs</source>
        <translation>Показать отличающиеся абзацы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide differing paragraphs</source>
        <translation>Скрыть отличающиеся абзацы</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../gui/backup_dialogs.py" line="-189"/>
        <source>Automatic backups</source>
        <translation>Автоматическое резервное копирование</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back this archive up automatically</source>
        <translation>Создавать резервные копии этого архива автоматически</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Into the folder:</source>
        <translation>В папку:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Days between backups:</source>
        <translation>Дней между копиями:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups to keep:</source>
        <translation>Хранить копий:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Where automatic backups go</source>
        <translation>Куда сохранять автоматические резервные копии</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../gui/search_bar.py" line="+72"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search titles, text, captions and notes</source>
        <translation>Поиск по названиям, тексту, подписям и заметкам</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Searching</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>searched as &lt;b&gt;{escape}&lt;/b&gt;</source>
        <translation>запрос понят как &lt;b&gt;{escape}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>search is catching up ({pending:,} to go)</source>
        <translation>поиск догоняет изменения (осталось {pending:,})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Did you mean &lt;a href=&quot;{suggestion}&quot;&gt;{suggestion}&lt;/a&gt;?</source>
        <translation>Возможно, вы имели в виду &lt;a href=&quot;{suggestion}&quot;&gt;{suggestion}&lt;/a&gt;?</translation>
    </message>
</context>
<context>
    <name>ShowingCard</name>
    <message>
        <location filename="../../gui/reader/showing_cards.py" line="+95"/>
        <source>FIRST SEEN</source>
        <translation>ВПЕРВЫЕ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>THIS PHOTO</source>
        <translation>ЭТА ФОТОГРАФИЯ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;i&gt;No caption&lt;/i&gt;</source>
        <translation>&lt;i&gt;Без подписи&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../gui/sidebar/view.py" line="+81"/>
        <source>Library, events, perspectives and tags</source>
        <translation>Библиотека, события, точки зрения и метки</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Counting sources</source>
        <translation>Подсчёт источников</translation>
    </message>
</context>
<context>
    <name>SidebarEditor</name>
    <message>
        <location filename="../../gui/sidebar/editing.py" line="+88"/>
        <source>New tag</source>
        <translation>Новая метка</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit perspective</source>
        <translation>Изменить точку зрения</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+22"/>
        <location line="+30"/>
        <source>&amp;Rename</source>
        <translation>&amp;Переименовать</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>&amp;Delete tag…</source>
        <translation>&amp;Удалить метку…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New event…</source>
        <translation>&amp;Новое событие…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New perspective…</source>
        <translation>&amp;Новая точка зрения…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New tag…</source>
        <translation>&amp;Новая метка…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New &amp;sub-event…</source>
        <translation>Новое &amp;вложенное событие…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit dates, place and description…</source>
        <translation>&amp;Изменить даты, место и описание…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to &amp;top level</source>
        <translation>Перенести на &amp;верхний уровень</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete event…</source>
        <translation>&amp;Удалить событие…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Move under</source>
        <translation>&amp;Переместить в</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Edit name, colour and description…</source>
        <translation>&amp;Изменить название, цвет и описание…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Colour</source>
        <translation>&amp;Цвет</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Other colour…</source>
        <translation>&amp;Другой цвет…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete perspective…</source>
        <translation>&amp;Удалить точку зрения…</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../gui/sidebar/model.py" line="+63"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved searches</source>
        <translation>Сохранённые запросы</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No saved searches yet</source>
        <translation>Сохранённых запросов пока нет</translation>
    </message>
</context>
<context>
    <name>SourceContextMenu</name>
    <message>
        <location filename="../../gui/sources/menu.py" line="+52"/>
        <source> ({count} sources)</source>
        <translation> (источников: {count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;event{count}</source>
        <translation>Добавить &amp;событие{count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New event…</source>
        <translation>&amp;Новое событие…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;perspective{count}</source>
        <translation>Добавить &amp;точку зрения{count}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New perspective…</source>
        <translation>&amp;Новая точка зрения…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;tag…{count}</source>
        <translation>Добавить &amp;метку…{count}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Remove</source>
        <translation>&amp;Убрать</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the {kind} “{name}”</source>
        <translation>Убрать «{name}» ({kind})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add a tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a tag to {count} sources</source>
        <translation>Добавить метку источникам ({count})</translation>
    </message>
</context>
<context>
    <name>SourceCount</name>
    <message>
        <location filename="../../gui/source_count.py" line="+33"/>
        <source>1 source</source>
        <translation>1 источник</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln источник</numerusform>
            <numerusform>%Ln источника</numerusform>
            <numerusform>%Ln источников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{listed} of %Ln sources</source>
        <translation>
            <numerusform>{listed} из %Ln источника</numerusform>
            <numerusform>{listed} из %Ln источников</numerusform>
            <numerusform>{listed} из %Ln источников</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceHeader</name>
    <message>
        <location filename="../../gui/reader/header.py" line="-96"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Site, date and authors</source>
        <translation>Сайт, дата и авторы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where and when the page was captured</source>
        <translation>Где и когда сохранена страница</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aliases matched</source>
        <translation>Совпавшие варианты названий</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
</context>
<context>
    <name>SourceListPane</name>
    <message>
        <location filename="../../gui/sources/view.py" line="+374"/>
        <source>Listing sources</source>
        <translation>Получение списка источников</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Search hits are in order of relevance. Clear the search to sort the list by a column.</source>
        <translation>Результаты поиска упорядочены по релевантности. Очистите поиск, чтобы сортировать список по столбцу.</translation>
    </message>
</context>
<context>
    <name>SourceTable</name>
    <message>
        <location line="-305"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <location filename="../../gui/sources/model.py" line="+174"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(no longer in the archive)</source>
        <translation>(больше нет в архиве)</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../gui/backup_dialogs.py" line="-56"/>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
</context>
<context>
    <name>TextReader</name>
    <message>
        <location filename="../../gui/reader/text_reader.py" line="+171"/>
        <source>Finding the matches in a source</source>
        <translation>Поиск совпадений в источнике</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Opening a figure&apos;s picture</source>
        <translation>Открытие иллюстрации</translation>
    </message>
</context>
<context>
    <name>TextRecognition</name>
    <message>
        <location filename="../../gui/recognition.py" line="+58"/>
        <location line="+58"/>
        <source>Recognise &amp;text</source>
        <translation>Распознать &amp;текст</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Recognising text</source>
        <translation>Распознавание текста</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop recognising &amp;text</source>
        <translation>Остановить &amp;распознавание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading; the pages read so far are kept</source>
        <translation>Остановить распознавание; уже распознанные страницы сохранятся</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scans and photos of documents cannot be read, because Tesseract OCR is not installed; they are kept, and can be read once it is. Install it with: {install_command}</source>
        <translation>Сканы и фотографии документов нельзя распознать: не установлен Tesseract OCR. Они сохранены, и их можно будет распознать после установки. Команда установки: {install_command}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text read from 1 page</source>
        <translation>Текст распознан на 1 странице</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Text read from %n pages</source>
        <translation>
            <numerusform>Текст распознан на %n странице</numerusform>
            <numerusform>Текст распознан на %n страницах</numerusform>
            <numerusform>Текст распознан на %n страницах</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> of 1 source</source>
        <translation> 1 источника</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source> of %n sources</source>
        <translation>
            <numerusform> %n источника</numerusform>
            <numerusform> %n источников</numerusform>
            <numerusform> %n источников</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; 1 page could not be read</source>
        <translation>; не удалось распознать 1 страницу</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>; %n pages could not be read</source>
        <translation>
            <numerusform>; не удалось распознать %n страницу</numerusform>
            <numerusform>; не удалось распознать %n страницы</numerusform>
            <numerusform>; не удалось распознать %n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <source>; stopped before the rest</source>
        <translation>; остальное не распознано: остановлено</translation>
    </message>
</context>
<context>
    <name>ThumbnailCache</name>
    <message>
        <location filename="../../gui/image_grid.py" line="-129"/>
        <source>Thumbnails</source>
        <translation>Миниатюры</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../gui/timeline/canvas.py" line="+52"/>
        <source>Events on a time axis</source>
        <translation>События на шкале времени</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>No events yet. Add events in the sidebar — a conflict, its wars, their battles — with their dates, tag sources with them, and they appear here on a time axis.</source>
        <translation>Событий пока нет. Добавьте события на боковой панели — конфликт, его войны, их сражения — с датами, отметьте ими источники, и они появятся здесь на шкале времени.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Show its sources</source>
        <translation>Показать его источники</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare perspectives</source>
        <translation>Сравнить точки зрения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom to this event</source>
        <translation>Приблизить это событие</translation>
    </message>
</context>
<context>
    <name>TimelineDock</name>
    <message>
        <location filename="../../gui/timeline/view.py" line="+117"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <location filename="../../gui/timeline/painting.py" line="+140"/>
        <source>No dates yet</source>
        <translation>Дат пока нет</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>dates from its sub-events</source>
        <translation>даты по вложенным событиям</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Without dates — give them a start or an end to place them on the axis</source>
        <translation>Без дат — укажите начало или конец, чтобы поместить их на шкалу</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Dated sources, by when published</source>
        <translation>Датированные источники по дате публикации</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/timeline/view.py" line="-64"/>
        <source>Laying out the timeline</source>
        <translation>Построение хронологии</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>Отдалить (Ctrl+минус)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>Приблизить (Ctrl+плюс)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole time axis</source>
        <translation>Показать всю шкалу времени</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <location filename="../../gui/trash_view.py" line="+67"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected sources back as they were</source>
        <translation>Вернуть выбранные источники в прежнем виде</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy everything in the trash, originals included</source>
        <translation>Безвозвратно уничтожить всё содержимое корзины, включая оригиналы</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{counted} deleted. Nothing here is destroyed until the trash is emptied; restored sources come back with their annotations and ids.</source>
        <translation>Удалено: {counted}. Ничего не уничтожается, пока корзина не очищена; восстановленные источники возвращаются со своими аннотациями и номерами.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The trash is empty. Deleted sources wait here.</source>
        <translation>Корзина пуста. Удалённые источники хранятся здесь.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Emptying the trash</source>
        <translation>Очистка корзины</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../gui/welcome.py" line="+56"/>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to {APP_NAME}</source>
        <translation>Добро пожаловать в {APP_NAME}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The archive “{archive_name}” is empty.</source>
        <translation>Архив «{archive_name}» пуст.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import files…</source>
        <translation>Импортировать файлы…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder…</source>
        <translation>Импортировать папку…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;…or drop files and folders anywhere on this window.&lt;/b&gt;&lt;br&gt;Saved web pages (.html, with their folder of pictures), PDFs, photos (JPEG, PNG, TIFF, WebP, HEIC) and text (.txt, .md). The same file twice is kept once.</source>
        <translation>&lt;b&gt;…или перетащите файлы и папки в любое место этого окна.&lt;/b&gt;&lt;br&gt;Сохранённые веб-страницы (.html вместе с папкой изображений), PDF, фотографии (JPEG, PNG, TIFF, WebP, HEIC) и текст (.txt, .md). Один и тот же файл сохраняется только один раз.</translation>
    </message>
</context>
<context>
    <name>WindowSession</name>
    <message>
        <location filename="../../gui/session.py" line="+90"/>
        <source>Opening archive</source>
        <translation>Открытие архива</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../gui/workspace.py" line="+36"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
</context>
<context>
    <name>ZoomActions</name>
    <message>
        <location filename="../../gui/reader/zoom.py" line="+29"/>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
</context>
<context>
    <name>_Builder</name>
    <message>
        <location filename="../../gui/reader/document.py" line="+407"/>
        <source>Image not saved with the page</source>
        <translation>Изображение не сохранено вместе со страницей</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../gui/actions.py" line="+22"/>
        <source>Open &amp;recent</source>
        <translation>Недавние &amp;архивы</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New archive…</source>
        <translation>&amp;Новый архив…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a new archive</source>
        <translation>Создать новый архив</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open archive…</source>
        <translation>&amp;Открыть архив…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another archive</source>
        <translation>Открыть другой архив</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import files into the archive</source>
        <translation>Импортировать файлы в архив</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import &amp;folder…</source>
        <translation>Импортировать &amp;папку…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a folder and everything in it</source>
        <translation>Импортировать папку со всем содержимым</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Capture web page…</source>
        <translation>Со&amp;хранить веб-страницу…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture a page from its address, with its photos, as evidence</source>
        <translation>Сохранить страницу по адресу вместе с фотографиями как доказательство</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the archive and quit</source>
        <translation>Закрыть архив и выйти</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Move to trash</source>
        <translation>&amp;Переместить в корзину</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the selected sources to the trash</source>
        <translation>Переместить выбранные источники в корзину</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Trash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore deleted sources, or destroy them</source>
        <translation>Восстановить удалённые источники или уничтожить их</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Investigator &amp;name…</source>
        <translation>&amp;Имя исследователя…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name the audit trail records as who made each change</source>
        <translation>Имя, которое журнал аудита записывает как автора каждого изменения</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Blur all images</source>
        <translation>&amp;Размыть все изображения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blur every image until clicked, not only those marked sensitive</source>
        <translation>Размывать каждое изображение до щелчка, а не только отмеченные как деликатные</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the archive</source>
        <translation>Искать в архиве</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As &amp;list</source>
        <translation>&amp;Списком</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show sources as a list</source>
        <translation>Показать источники списком</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As &amp;grid</source>
        <translation>&amp;Сеткой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show sources as thumbnails</source>
        <translation>Показать источники миниатюрами</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspector &amp;beside the reader</source>
        <translation>Инспектор &amp;рядом с окном чтения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the inspector beside the reader instead of below it</source>
        <translation>Поместить инспектор рядом с окном чтения, а не под ним</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>&amp;Sidebar</source>
        <translation>&amp;Боковая панель</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Show or hide the sidebar</source>
        <translation>Показать или скрыть боковую панель</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move the focus to the sidebar</source>
        <translation>Перейти к боковой панели</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source &amp;list</source>
        <translation>&amp;Список источников</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the focus to the source list</source>
        <translation>Перейти к списку источников</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reader</source>
        <translation>&amp;Окно чтения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the focus to the reader</source>
        <translation>Перейти к окну чтения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Инспектор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the focus to the inspector</source>
        <translation>Перейти к инспектору</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Annotations</source>
        <translation>&amp;Аннотации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the focus to the open source&apos;s annotations</source>
        <translation>Перейти к аннотациям открытого источника</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Compare perspectives</source>
        <translation>&amp;Сравнить точки зрения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare how each perspective told the event chosen in the sidebar</source>
        <translation>Сравнить, как каждая точка зрения описывает событие, выбранное на боковой панели</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the events on a time axis, with each perspective&apos;s sources</source>
        <translation>Показать события на шкале времени с источниками каждой точки зрения</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Place-name &amp;aliases…</source>
        <translation>&amp;Варианты топонимов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the groups of names that mean one place</source>
        <translation>Изменить группы названий, обозначающих одно место</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reused &amp;photos…</source>
        <translation>Повторные &amp;фотографии…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every photo shown more than once, with the caption each source gives it</source>
        <translation>Все фотографии, опубликованные несколько раз, с подписью из каждого источника</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Search syntax</source>
        <translation>&amp;Синтаксис поиска</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to write a search</source>
        <translation>Как составить поисковый запрос</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About this program</source>
        <translation>Об этой программе</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Research</source>
        <translation>&amp;Исследование</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
</context>
<context>
    <name>annotator</name>
    <message>
        <location filename="../../gui/annotations/annotator.py" line="+30"/>
        <source>The whole picture</source>
        <translation>Всё изображение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole of page {page}</source>
        <translation>Вся страница {page}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A region of the picture</source>
        <translation>Область изображения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A region on page {page}</source>
        <translation>Область на странице {page}</translation>
    </message>
</context>
<context>
    <name>backup_dialogs</name>
    <message>
        <location filename="../../gui/backup_dialogs.py" line="-96"/>
        <source>Archive backups (*.tar *.tar.gz *.tgz)</source>
        <translation>Резервные копии архива (*.tar *.tar.gz *.tgz)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back up the archive</source>
        <translation>Резервная копия архива</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore into a new archive: choose its name and place</source>
        <translation>Восстановить в новый архив: выберите его имя и расположение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored archive</source>
        <translation>Восстановленный архив</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backup restored</source>
        <translation>Резервная копия восстановлена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{summary}

Open the restored archive now?</source>
        <translation>{summary}

Открыть восстановленный архив сейчас?</translation>
    </message>
</context>
<context>
    <name>badges</name>
    <message>
        <location filename="../../gui/badges.py" line="+36"/>
        <source>Verification: {status}</source>
        <translation>Проверка: {status}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Source reliability {reliability}: {value}</source>
        <translation>Надёжность источника {reliability}: {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Information credibility {credibility}: {value}</source>
        <translation>Достоверность информации {credibility}: {value}</translation>
    </message>
</context>
<context>
    <name>blur</name>
    <message>
        <location filename="../../gui/blur.py" line="+22"/>
        <source>Sensitive — click to show</source>
        <translation>Деликатное содержание — щёлкните, чтобы показать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blurred — click to show</source>
        <translation>Размыто — щёлкните, чтобы показать</translation>
    </message>
</context>
<context>
    <name>capture</name>
    <message>
        <location filename="../../gui/inspector/capture.py" line="-19"/>
        <source>Live capture by this program</source>
        <translation>Сохранено этой программой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WARC file</source>
        <translation>Файл WARC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WACZ file</source>
        <translation>Файл WACZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHTML file (saved by a browser)</source>
        <translation>Файл MHTML (сохранён браузером)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SingleFile page</source>
        <translation>Страница SingleFile</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Captured</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redirected</source>
        <translation>Перенаправлено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>Содержимое</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In file</source>
        <translation>В файле</translation>
    </message>
</context>
<context>
    <name>cards</name>
    <message>
        <location filename="../../gui/compare/cards.py" line="+226"/>
        <source>A region of page {page}</source>
        <translation>Область страницы {page}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A region of the image</source>
        <translation>Область изображения</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Quoted in a source without a perspective</source>
        <translation>Цитируется в источнике без точки зрения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quoted in a source of {names}</source>
        <translation>Цитируется в источнике с точкой зрения: {names}</translation>
    </message>
</context>
<context>
    <name>column</name>
    <message>
        <location filename="../../gui/compare/column.py" line="+38"/>
        <source>Every source on this event has a perspective.</source>
        <translation>У каждого источника об этом событии есть точка зрения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No {name} source on “{event_name}” yet.

A gap worth filling: find one and give it the perspective “{name}” in the inspector.</source>
        <translation>Источников с точкой зрения «{name}» о событии «{event_name}» пока нет.

Этот пробел стоит восполнить: найдите такой источник и присвойте ему точку зрения «{name}» в инспекторе.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../core/archive.py" line="+261"/>
        <source>{folder} is a file, not an archive folder.</source>
        <translation>{folder} — это файл, а не папка архива.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no archive at {folder}. Importing files (`archive-app import`) or opening the window there makes one.</source>
        <translation>В папке {folder} нет архива. Он появится при импорте файлов (`archive-app import`) или при открытии там окна программы.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{folder} already holds other files and is not an archive. Choose an empty folder for a new archive, or an existing archive.</source>
        <translation>В папке {folder} уже есть другие файлы, и это не архив. Выберите пустую папку для нового архива или существующий архив.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py" line="+31"/>
        <source>&apos;{text}&apos; is not a date. Use a year (2020), a month (2020-09) or a day (2020-09-27).</source>
        <translation>«{text}» — не дата. Укажите год (2020), месяц (2020-09) или день (2020-09-27).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;{text}&apos; is not a date: there is no month {month}.</source>
        <translation>«{text}» — не дата: месяца {month} не бывает.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;{text}&apos; is not a date: {month_name} {year} has {days} days.</source>
        <translation>«{text}» — не дата: в этом месяце всего {days} дн.</translation>
    </message>
    <message>
        <location filename="../../core/db.py" line="+44"/>
        <source>The disk holding the archive at {path} is full. Free some space and try again; nothing was half-written.</source>
        <translation>Диск, на котором лежит архив {path}, заполнен. Освободите место и повторите; ничего не записано наполовину.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The archive at {path} is busy in another program. Close it there and try again.</source>
        <translation>Архив {path} занят другой программой. Закройте его там и повторите.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The archive database at {path} is damaged ({error}). Restore it from a backup, or run `archive-app check --repair`.</source>
        <translation>База данных архива {path} повреждена ({error}). Восстановите её из резервной копии или выполните `archive-app check --repair`.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The archive at {path} cannot be written to ({error}).</source>
        <translation>В архив {path} нельзя записывать ({error}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The archive at {path} could not be read or written: {error}</source>
        <translation>Архив {path} не удалось прочитать или записать: {error}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The archive has been closed.</source>
        <translation>Архив закрыт.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The archive at {folder} was opened only for reading (another program has it open), so nothing was changed. Close it there and try again.</source>
        <translation>Архив в папке {folder} открыт только для чтения (он открыт в другой программе), поэтому ничего не изменено. Закройте его там и попробуйте снова.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>The archive at {folder} was written by a newer version of this program (schema {version}, this version reads up to {newest}). Update the program to open it.</source>
        <translation>Архив в папке {folder} записан более новой версией программы (схема {version}, эта версия читает схемы до {newest}). Обновите программу, чтобы открыть его.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The archive at {folder} was written by an older version of this program and must be upgraded before it can be read beside another program. Open it in the window (or run any command that changes it) to upgrade it.</source>
        <translation>Архив в папке {folder} записан более старой версией программы, и его нужно обновить, прежде чем читать его одновременно с другой программой. Откройте его в окне программы (или выполните любую команду, которая его изменяет), чтобы обновить.</translation>
    </message>
    <message>
        <location filename="../../core/events.py" line="+250"/>
        <source>An event cannot end ({end}) before it starts ({start}).</source>
        <translation>Событие не может закончиться ({end}) раньше, чем начаться ({start}).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The event &apos;{event}&apos; cannot be its own parent.</source>
        <translation>Событие «{event}» не может быть родителем самого себя.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The event &apos;{event}&apos; cannot go under &apos;{parent}&apos;: &apos;{parent}&apos; is one of its own sub-events, so &apos;{event}&apos; would become its own ancestor.</source>
        <translation>Событие «{event}» нельзя поместить в «{parent}»: «{parent}» — одно из его подсобытий, и «{event}» стало бы собственным предком.</translation>
    </message>
    <message>
        <location filename="../../core/extraction.py" line="+219"/>
        <source>Reading the file took longer than {seconds} seconds, so it was stopped (the file may be damaged or built to hang readers).</source>
        <translation>Чтение файла длилось дольше {seconds} с и было остановлено (файл может быть повреждён или создан, чтобы вешать программы).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The importer crashed on this file (exit code {code}); it may be damaged.</source>
        <translation>Импорт этого файла аварийно завершился (код выхода {code}); возможно, файл повреждён.</translation>
    </message>
    <message>
        <location filename="../../core/import_files.py" line="+73"/>
        <source>The file is named {suffix} but its content is not what that name says; the archive reads {formats}.</source>
        <translation>У файла расширение {suffix}, но его содержимое не соответствует расширению; архив читает {formats}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The archive does not read &apos;{suffix}&apos; files. It reads {formats}.</source>
        <translation>Архив не читает файлы «{suffix}». Он читает {formats}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The archive does not read files of this kind. It reads {formats}.</source>
        <translation>Архив не читает файлы такого вида. Он читает {formats}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file cannot be read: permission denied.</source>
        <translation>Файл не удаётся прочитать: нет доступа.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: {reason}.</source>
        <translation>Файл не удаётся прочитать: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/import_report.py" line="+78"/>
        <source>{count} imported</source>
        <translation>импортировано: {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} imported (1 photo saved with its page)</source>
        <translation>импортировано: {count} (в том числе 1 фотография, сохранённая со страницей)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} imported ({photos} photos saved with their pages)</source>
        <translation>импортировано: {count} (в том числе фотографий, сохранённых со страницами: {photos})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} already in the archive</source>
        <translation>уже в архиве: {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} failed</source>
        <translation>с ошибкой: {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelled with {count} not imported</source>
        <translation>отменено, не импортировано: {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} not attempted</source>
        <translation>не обработано: {count}</translation>
    </message>
    <message>
        <location filename="../../core/importing.py" line="+135"/>
        <source>Looking for files</source>
        <translation>Поиск файлов</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The importer failed with an internal error (a bug; the details are in the log).</source>
        <translation>При импорте произошла внутренняя ошибка (ошибка программы; подробности в журнале).</translation>
    </message>
    <message>
        <location filename="../../core/lock.py" line="+43"/>
        <source>Cannot open the archive at {folder}: {error}</source>
        <translation>Не удаётся открыть архив в папке {folder}: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The archive at {folder} is already open in another program{holder}. Close it there first, or open another archive.</source>
        <translation>Архив в папке {folder} уже открыт в другой программе{holder}. Сначала закройте его там или откройте другой архив.</translation>
    </message>
    <message>
        <location filename="../../core/perspectives.py" line="+78"/>
        <source>&apos;{text}&apos; is not a colour. Use #rrggbb, for example #1f77b4.</source>
        <translation>«{text}» — не цвет. Укажите #rrggbb, например #1f77b4.</translation>
    </message>
    <message>
        <location filename="../../core/saved_searches.py" line="+61"/>
        <source>There is no saved search named &apos;{name}&apos;.</source>
        <translation>Сохранённого поиска «{name}» нет.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is already a saved search named &apos;{name}&apos;.</source>
        <translation>Сохранённый поиск «{name}» уже есть.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>A saved search needs a name.</source>
        <translation>У сохранённого поиска должно быть название.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A saved search&apos;s name is limited to {limit} characters.</source>
        <translation>Название сохранённого поиска — не длиннее {limit} символов.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A saved search needs a query.</source>
        <translation>У сохранённого поиска должен быть запрос.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A search is sorted by relevance or by date, not &apos;{sort}&apos;.</source>
        <translation>Поиск сортируется по релевантности или по дате, а не «{sort}».</translation>
    </message>
    <message>
        <location filename="../../core/search/help.py" line="+17"/>
        <source>Searching</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>refugees bridge</source>
        <translation>беженцы мост</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sources with all the words, best first (words in titles and captions count most)</source>
        <translation>источники со всеми словами, лучшие сначала (слова в заголовках и подписях весят больше)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the exact phrase</source>
        <translation>точная фраза</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&quot;Hakari bridge&quot;</source>
        <translation>&quot;мост Акари&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khankendi OR Stepanakert</source>
        <translation>Ханкенди OR Степанакерт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>either word; OR binds tighter than the plain AND, use ( ) to group otherwise</source>
        <translation>любое из слов; OR связывает сильнее, чем простое И, для другой группировки используйте ( )</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ceasefire -Russia</source>
        <translation>перемирие -Россия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>without a word (also: NOT Russia)</source>
        <translation>без слова (также: NOT Россия)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>evacuat*  Xank?ndi</source>
        <translation>эвакуац*  Ханк?нди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any ending; any one letter</source>
        <translation>любое окончание; любая одна буква</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shusha~  Shusha~2</source>
        <translation>Шуша~  Шуша~2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spellings one (or two) letters off</source>
        <translation>написания, отличающиеся на одну (или две) буквы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one field only: title:Stepanakert  author:&quot;de Waal&quot;  title:(truce OR ceasefire)</source>
        <translation>только одно поле: title:Степанакерт  author:&quot;де Ваал&quot;  title:(перемирие OR прекращение)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>labels of the source or of its annotations: event:&quot;Second Karabakh War&quot; (with its sub-events)  perspective:Op-ed  tag:cease*</source>
        <translation>метки источника или его аннотаций: event:&quot;Вторая карабахская война&quot; (с подсобытиями)  perspective:Мнение  tag:перемир*</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>kind: article, pdf, image or text; language (ISO 639-1 code: en, ru, hy, az …)</source>
        <translation>вид: article (статья), pdf, image (изображение) или text (текст); язык (код ISO 639-1: en, ru, hy, az …)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>verification (unverified, in-progress, verified, disputed, false), source reliability A–F, credibility:1–6, sensitive:graphic or identifiable, place:Shusha</source>
        <translation>проверка (unverified — не проверено, in-progress — проверяется, verified — проверено, disputed — оспаривается, false — ложно), надёжность источника A–F, credibility:1–6 (достоверность), sensitive:graphic или identifiable (деликатное), place:Шуша</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a year, month or day; published:2020-09..2020-11  published:&gt;2023-09-19 (also &lt; &gt;= &lt;=)</source>
        <translation>год, месяц или день; published:2020-09..2020-11  published:&gt;2023-09-19 (также &lt; &gt;= &lt;=)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case, accents and vowel marks do not matter: Xankəndi finds Xankendi, Ağdam finds Agdam, حبيبي finds حَبيبي; ş and ç read as sh and ch, so Şuşa finds Shusha, not Susa.</source>
        <translation>Регистр, диакритика и огласовки не важны: Xankəndi находит Xankendi, ёлка находит елка, حبيبي — حَبيبي; ş и ç читаются как «ш» и «ч», поэтому Şuşa находит Шушу, а не Сузы.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Word endings do not matter in the language of each source: refugee finds refugees, беженцы finds беженцев, Karabağ finds Karabağ&apos;da, Xankəndi finds Xankəndidə.</source>
        <translation>Окончания слов не важны на языке каждого источника: беженцы находит беженцев, Karabağ — Karabağ&apos;da, Xankəndi — Xankəndidə.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scripts meet: Stepanakert finds Степанакерт and Ստեփանակերտ; Chinese and Japanese words are found inside longer runs (地震 in 巨大地震).</source>
        <translation>Письменности встречаются: Степанакерт находит Stepanakert и Ստեփանակերտ; китайские и японские слова находятся внутри более длинных цепочек (地震 в 巨大地震).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place names find their other names: your alias groups first ({aliases}), then the built-in gazetteer for a capitalised name of one place; a name of several places (Susa) is searched as typed until you choose which place you mean (the search offers the places). Each hit says which name or form it matched.</source>
        <translation>Названия мест находят другие свои названия: сначала по вашим группам синонимов ({aliases}), затем по встроенному справочнику географических названий — для названия с заглавной буквы, принадлежащего одному месту; название нескольких мест (Сузы) ищется как написано, пока вы не выберете, какое место имеете в виду (поиск предложит места). Каждое совпадение сообщает, какое название или форма найдены.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Anything that cannot be read as above is searched as plain words.</source>
        <translation>Всё, что нельзя прочитать так, как описано выше, ищется как обычные слова.</translation>
    </message>
    <message>
        <location filename="../../core/search/reading.py" line="+40"/>
        <source>“{value}” is not a date, so “{field}:{value}” is searched as words. Dates are a year (2019), a month (2019-11), a day (2019-11-19) or a range (2019-09..2019-11).</source>
        <translation>«{value}» — не дата, поэтому «{field}:{value}» ищется как слова. Дата — это год (2019), месяц (2019-11), день (2019-11-19) или диапазон (2019-09..2019-11).</translation>
    </message>
    <message>
        <location filename="../../core/search/syntax.py" line="+173"/>
        <source>A quote was not closed: the phrase runs to the end of the query.</source>
        <translation>Кавычка не закрыта: фраза продолжается до конца запроса.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{field}” has nothing after it, so it is searched as a word.</source>
        <translation>После «{field}» ничего нет, поэтому это ищется как слово.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>“{field}” is not a field, so “{words}” is searched as words.</source>
        <translation>«{field}» — не поле, поэтому «{words}» ищется как слова.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A “)” without its “(” was left out.</source>
        <translation>«)» без парной «(» пропущена.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A “(” was not closed: it is closed at the end of the query.</source>
        <translation>«(» не закрыта: она закрывается в конце запроса.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>“{word}” has nothing before it to join: left out.</source>
        <translation>Перед «{word}» нечего соединять: пропущено.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“{word}” has nothing after it to join: left out.</source>
        <translation>После «{word}» нечего соединять: пропущено.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“NOT” or “-” has nothing after it, so it is left out.</source>
        <translation>После «NOT» или «-» ничего нет, поэтому они пропущены.</translation>
    </message>
    <message>
        <location filename="../../core/sources.py" line="+133"/>
        <source>an article</source>
        <translation>статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a PDF</source>
        <translation>PDF-документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an image</source>
        <translation>изображение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a text</source>
        <translation>текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reference</source>
        <translation>библиографическая ссылка</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no source {id} in this archive.</source>
        <translation>В этом архиве нет источника {id}.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>&apos;{name}&apos; cannot be edited. Editable: {fields}.</source>
        <translation>«{name}» нельзя изменить. Можно изменить: {fields}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;{text}&apos; is not a date. Use 2023, 2023-09, 2023-09-19 or a full ISO date-time.</source>
        <translation>«{text}» — не дата. Укажите 2023, 2023-09, 2023-09-19 или полную дату и время ISO.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A source needs a title.</source>
        <translation>У источника должен быть заголовок.</translation>
    </message>
    <message>
        <location filename="../../core/tags.py" line="+87"/>
        <source>There is already a tag named &apos;{existing}&apos;. Merge &apos;{tag}&apos; into it instead.</source>
        <translation>Тег «{existing}» уже есть. Вместо этого объедините с ним «{tag}».</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the tags to merge.</source>
        <translation>Выберите теги для объединения.</translation>
    </message>
    <message>
        <location filename="../../core/trash.py" line="+90"/>
        <source>Choose the sources to delete.</source>
        <translation>Выберите источники для удаления.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Source {id} is not in the trash.</source>
        <translation>Источника {id} нет в корзине.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source {id} cannot be restored: source {twin} holds the same file now. Delete that one first to restore this one.</source>
        <translation>Источник {id} нельзя восстановить: тот же файл сейчас хранится в источнике {twin}. Сначала удалите тот, чтобы восстановить этот.</translation>
    </message>
    <message>
        <location filename="../../core/verification.py" line="+140"/>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>source reliability</source>
        <translation>надёжность источника</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>information credibility</source>
        <translation>достоверность информации</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give a status, a reliability (A–F) or a credibility (1–6).</source>
        <translation>Укажите статус, надёжность (A–F) или достоверность (1–6).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Say whether the image is graphic or shows identifiable people.</source>
        <translation>Укажите, содержит ли изображение жестокие сцены или узнаваемых людей.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;{value}&apos; is not a {what}. Use one of: {shown}.</source>
        <translation>«{value}» — недопустимое значение ({what}). Возможные: {shown}.</translation>
    </message>
    <message>
        <location filename="../../core/worker.py" line="+57"/>
        <source>Reading the file needs more memory than the archive allows.</source>
        <translation>Для чтения файла нужно больше памяти, чем позволяет архив.</translation>
    </message>
    <message>
        <location filename="../../importers/encoding.py" line="+54"/>
        <source>The file holds binary data, not text.</source>
        <translation>В файле двоичные данные, а не текст.</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>The file is not text in any encoding the archive knows.</source>
        <translation>Файл не является текстом ни в одной известной архиву кодировке.</translation>
    </message>
    <message>
        <location filename="../../importers/html.py" line="+41"/>
        <source>The page has no readable text; only its title and metadata were imported.</source>
        <translation>На странице нет читаемого текста; импортированы только заголовок и метаданные.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The web page is empty.</source>
        <translation>Веб-страница пуста.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The web page could not be read: its markup is too damaged.</source>
        <translation>Веб-страницу не удалось прочитать: её разметка слишком повреждена.</translation>
    </message>
    <message>
        <location filename="../../importers/image.py" line="+136"/>
        <source>HEIC photos cannot be read by this installation; convert the photo to JPEG and import that.</source>
        <translation>Эта установка не читает фотографии HEIC; преобразуйте фотографию в JPEG и импортируйте её.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The photo&apos;s EXIF data is damaged and was left out.</source>
        <translation>Данные EXIF фотографии повреждены и пропущены.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The photo&apos;s IPTC data is damaged and was left out.</source>
        <translation>Данные IPTC фотографии повреждены и пропущены.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The photo&apos;s XMP data is damaged and was left out.</source>
        <translation>Данные XMP фотографии повреждены и пропущены.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The file has small defects; everything that could be read was imported.</source>
        <translation>В файле есть небольшие дефекты; импортировано всё, что удалось прочитать.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The {kind} file is damaged and its picture cannot be read.</source>
        <translation>Файл {kind} повреждён, изображение не удаётся прочитать.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This file is not a picture in a format the archive reads although its name is {name}; JPEG, PNG, TIFF, WebP, GIF, BMP and HEIC photos can be imported.</source>
        <translation>Этот файл — не изображение в формате, который читает архив, хотя он называется {name}; импортировать можно фотографии JPEG, PNG, TIFF, WebP, GIF, BMP и HEIC.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This file is not a picture in a format the archive reads; JPEG, PNG, TIFF, WebP, GIF, BMP and HEIC photos can be imported.</source>
        <translation>Этот файл — не изображение в формате, который читает архив; импортировать можно фотографии JPEG, PNG, TIFF, WebP, GIF, BMP и HEIC.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The picture is too large to open safely{size}; the file may be damaged or made to exhaust memory.</source>
        <translation>Изображение слишком велико, чтобы безопасно его открыть{size}; файл может быть повреждён или создан, чтобы исчерпать память.</translation>
    </message>
    <message>
        <location filename="../../importers/mhtml.py" line="+32"/>
        <source>The MHTML file is damaged: its parts cannot be told apart (the MIME boundary is broken).</source>
        <translation>Файл MHTML повреждён: его части невозможно разделить (нарушена граница MIME).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The MHTML file holds no web page.</source>
        <translation>В файле MHTML нет веб-страницы.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The MHTML file is slightly damaged; what could be read was imported.</source>
        <translation>Файл MHTML немного повреждён; импортировано то, что удалось прочитать.</translation>
    </message>
    <message>
        <location filename="../../importers/ocr.py" line="+79"/>
        <source>Text cannot be read from scans and photos because Tesseract OCR is not installed. Install it with: {command}</source>
        <translation>Текст со сканов и фотографий не читается, потому что не установлен Tesseract OCR. Установите его командой: {command}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The OCR language pack for {languages} is not installed. Install it with: sudo apt-get install {packages}</source>
        <translation>Языковой пакет OCR для {languages} не установлен. Установите его командой: sudo apt-get install {packages}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Scanned PDF pages cannot be rendered for OCR because poppler is not installed. Install it with: sudo apt-get install poppler-utils</source>
        <translation>Отсканированные страницы PDF нельзя подготовить для OCR: не установлен poppler. Установите его командой: sudo apt-get install poppler-utils</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rendering page {number}</source>
        <translation>Отрисовка страницы {number}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page {number} of the PDF could not be rendered.</source>
        <translation>Не удалось отрисовать страницу {number} PDF.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Measuring the page</source>
        <translation>Измерение страницы</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{what} took longer than {time_limit} seconds.</source>
        <translation>{what}: дольше {time_limit} с.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what} failed; the PDF may be damaged.</source>
        <translation>{what}: не удалось; возможно, PDF повреждён.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The picture is damaged and its text cannot be read.</source>
        <translation>Изображение повреждено, его текст не удаётся прочитать.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reading the text of page {number} took longer than {time_limit} seconds; it was skipped.</source>
        <translation>Чтение текста страницы {number} длилось дольше {time_limit} с; страница пропущена.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tesseract could not read page {number}.</source>
        <translation>Tesseract не смог прочитать страницу {number}.</translation>
    </message>
    <message>
        <location filename="../../importers/pdf.py" line="+75"/>
        <source>The PDF is protected by a password; open it in a PDF reader, save an unprotected copy and import that.</source>
        <translation>PDF защищён паролем; откройте его в программе просмотра PDF, сохраните незащищённую копию и импортируйте её.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PDF is encrypted in a way this installation cannot read; open it in a PDF reader, save an unprotected copy and import that.</source>
        <translation>PDF зашифрован способом, который эта установка не читает; откройте его в программе просмотра PDF, сохраните незащищённую копию и импортируйте её.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PDF is damaged and cannot be read.</source>
        <translation>PDF повреждён, его не удаётся прочитать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PDF contains more data than can be read safely; it may be damaged or hostile.</source>
        <translation>В PDF больше данных, чем можно безопасно прочитать; возможно, он повреждён или вредоносен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PDF file is incomplete (its end is missing); the pages that could be read were kept.</source>
        <translation>Файл PDF неполон (нет его конца); сохранены страницы, которые удалось прочитать.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This PDF has no text layer (it may be a scan); its text is read by OCR after the import.</source>
        <translation>В этом PDF нет текстового слоя (возможно, это скан); его текст распознаётся (OCR) после импорта.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF file has errors; it was read as far as possible, so some text may be missing.</source>
        <translation>В файле PDF есть ошибки; он прочитан, насколько возможно, поэтому части текста может не хватать.</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>The PDF&apos;s document information is damaged and was left out.</source>
        <translation>Сведения о документе PDF повреждены и пропущены.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF&apos;s XMP metadata is damaged and was left out.</source>
        <translation>Метаданные XMP файла PDF повреждены и пропущены.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file is not a PDF although its name is {name}; its content is of another kind.</source>
        <translation>Этот файл — не PDF, хотя он называется {name}; его содержимое другого вида.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This file is not a PDF; its content is of another kind.</source>
        <translation>Этот файл — не PDF; его содержимое другого вида.</translation>
    </message>
    <message>
        <location filename="../../importers/references.py" line="+111"/>
        <source>The reference file is not UTF-8 text ({reason}).</source>
        <translation>Файл ссылок — не текст в UTF-8 ({reason}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No references were found in this {format} file.</source>
        <translation>В этом файле {format} не найдено ссылок.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A RIS record cannot be read: {error}</source>
        <translation>Не удаётся прочитать запись RIS: {error}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>A BibTeX entry cannot be read: {record}…</source>
        <translation>Не удаётся прочитать запись BibTeX: {record}…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The CSL-JSON file cannot be read: {error}</source>
        <translation>Не удаётся прочитать файл CSL-JSON: {error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This JSON file is not a CSL-JSON list of references.</source>
        <translation>Этот файл JSON — не список ссылок CSL-JSON.</translation>
    </message>
    <message>
        <location filename="../../importers/sniff.py" line="+36"/>
        <source>web pages (.html, .mhtml, SingleFile), web archives (.warc, .warc.gz, .wacz), PDFs, photos (JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC), text (.txt, .md) and reference lists (.ris, .bib, CSL-JSON .json)</source>
        <translation>веб-страницы (.html, .mhtml, SingleFile), веб-архивы (.warc, .warc.gz, .wacz), PDF, фотографии (JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC), текст (.txt, .md) и списки ссылок (.ris, .bib, CSL-JSON .json)</translation>
    </message>
    <message>
        <location filename="../../importers/wacz.py" line="+36"/>
        <source>The WACZ file is damaged: {error}.</source>
        <translation>Файл WACZ повреждён: {error}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The WACZ file holds entries with unsafe paths (such as &apos;{entry}&apos;), so it was not read.</source>
        <translation>В файле WACZ есть записи с небезопасными путями (например, «{entry}»), поэтому он не прочитан.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The WACZ file holds no WARC in its archive/ folder.</source>
        <translation>В папке archive/ файла WACZ нет WARC.</translation>
    </message>
    <message>
        <location filename="../../importers/web_archive.py" line="+173"/>
        <source>The capture details written with the page could not be read.</source>
        <translation>Сведения о сохранении, записанные вместе со страницей, не удалось прочитать.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The web archive holds no page (no HTML answer with status 200).</source>
        <translation>В веб-архиве нет страницы (нет HTML-ответа с кодом 200).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The page {address} is not in the web archive.</source>
        <translation>Страницы {address} нет в веб-архиве.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The page {url} redirects more than {limit} times.</source>
        <translation>Страница {url} перенаправляет больше {limit} раз.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The page {address} was captured with status {status}, or its content was not kept.</source>
        <translation>Страница {address} сохранена с кодом {status}, или её содержимое не сохранилось.</translation>
    </message>
    <message>
        <location filename="../../importers/web_page.py" line="+69"/>
        <source>The page at {url} is of a kind the archive does not read ({type}).</source>
        <translation>Страница по адресу {url} — такого вида, который архив не читает ({type}).</translation>
    </message>
    <message>
        <location filename="../../core/language_names.py" line="+31"/>
        <source>&apos;{text}&apos; is not a language the archive knows. Give its ISO 639-1 code (ru, hy, az, tr, en …) or its name.</source>
        <translation>«{text}» — язык, которого архив не знает. Укажите его код ISO 639-1 (ru, hy, az, tr, en …) или название.</translation>
    </message>
    <message>
        <location filename="../../capture/fetch.py" line="+61"/>
        <source>The page from {url} is damaged ({error}).</source>
        <translation>Страница с {url} повреждена ({error}).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{url} redirects more than {limit} times (a redirect loop?); nothing was captured.</source>
        <translation>{url} перенаправляет больше {limit} раз (цикл перенаправлений?); ничего не сохранено.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The capture was cancelled.</source>
        <translation>Сохранение страницы отменено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer from {url} is larger than {size}, the limit for one resource; it was not captured.</source>
        <translation>Ответ с {url} больше {size} — предела для одного ресурса; он не сохранён.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The capture of {url} grew past {size}, the limit for one capture; it was stopped.</source>
        <translation>Сохранение {url} превысило {size} — предел для одного сохранения; оно остановлено.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The capture took longer than {seconds} seconds (the server at {url} sends too slowly), so it was stopped.</source>
        <translation>Сохранение длилось дольше {seconds} с (сервер {url} отвечает слишком медленно) и было остановлено.</translation>
    </message>
    <message>
        <location filename="../../capture/policy.py" line="+39"/>
        <source>&apos;{url}&apos; is not a web address ({error}).</source>
        <translation>«{url}» — не веб-адрес ({error}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only http:// and https:// pages can be captured, not {scheme} ({url}).</source>
        <translation>Сохранять можно только страницы http:// и https://, а не {scheme} ({url}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The address holds a user name or password; the archive does not send credentials and would keep them in its records. Remove them from the address.</source>
        <translation>В адресе есть имя пользователя или пароль; архив не отправляет учётные данные и сохранил бы их в своих записях. Уберите их из адреса.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;{url}&apos; names no host to fetch from.</source>
        <translation>В «{url}» не указан сервер, с которого загружать.</translation>
    </message>
    <message>
        <location filename="../../capture/session.py" line="+57"/>
        <source>Capturing {url}</source>
        <translation>Сохранение {url}</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The server answered {status} {reason} for {url}; nothing was captured.</source>
        <translation>Сервер ответил {status} {reason} на {url}; ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../../core/aliases.py" line="+135"/>
        <source>There is no alias group {group_id}.</source>
        <translation>Группы синонимов {group_id} нет.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+64"/>
        <source>An alias group needs at least two different names.</source>
        <translation>В группе синонимов должно быть хотя бы два разных названия.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&apos;{name}&apos; is not in any alias group.</source>
        <translation>«{name}» нет ни в одной группе синонимов.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&apos;{name}&apos; is not a name of this alias group.</source>
        <translation>«{name}» — не название из этой группы синонимов.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&apos;{name}&apos; is already a name of this group.</source>
        <translation>«{name}» уже есть в этой группе.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;{name}&apos; is already in another alias group ({names}); a name can belong to one group only.</source>
        <translation>«{name}» уже есть в другой группе синонимов ({names}); название может входить только в одну группу.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>An alias cannot be empty.</source>
        <translation>Синоним не может быть пустым.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An alias is limited to {limit} characters.</source>
        <translation>Синоним — не длиннее {limit} символов.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{text}&apos; has no words search can look for (only very common words).</source>
        <translation>В «{text}» нет слов, которые может искать поиск (только очень частые слова).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&apos;{name}&apos; is already in another alias group ({id}: {names}); a name can belong to one group only.</source>
        <translation>«{name}» уже есть в другой группе синонимов ({id}: {names}); название может входить только в одну группу.</translation>
    </message>
    <message>
        <location filename="../../core/annotations.py" line="+86"/>
        <source>There is no annotation {annotation_id} in this archive.</source>
        <translation>В этом архиве нет аннотации {annotation_id}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Characters {start} to {end} are not a passage of source {source_id}, whose text is {body} characters long.</source>
        <translation>Символы с {start} по {end} — не фрагмент источника {source_id}: длина его текста — {body} символов.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select some text to annotate, not only spaces.</source>
        <translation>Выделите текст для аннотации, а не только пробелы.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Choose at least one annotation to delete.</source>
        <translation>Выберите хотя бы одну аннотацию для удаления.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Source {source_id} is an image; it has no pages.</source>
        <translation>Источник {source_id} — изображение; у него нет страниц.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source {source_id} is {kind}; regions can be marked on images and PDF pages. Annotate a passage of its text instead.</source>
        <translation>Источник {source_id} — {kind}; области отмечаются на изображениях и страницах PDF. Вместо этого аннотируйте фрагмент его текста.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Source {source_id} is a PDF: say which page the region is on.</source>
        <translation>Источник {source_id} — PDF: укажите, на какой странице область.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pages count from 1; there is no page {page}.</source>
        <translation>Страницы считаются с 1; страницы {page} нет.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source {source_id} has pages {min} to {max}; there is no page {page}.</source>
        <translation>В источнике {source_id} страницы с {min} по {max}; страницы {page} нет.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Give the passage to annotate; the quote is empty.</source>
        <translation>Укажите фрагмент для аннотации; цитата пуста.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The text of source {source_id} does not contain “{quote}”.</source>
        <translation>В тексте источника {source_id} нет «{quote}».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{quote}” appears {found} times in source {source_id}. Say which occurrence you mean (1 to {found}).</source>
        <translation>«{quote}» встречается в источнике {source_id} {found} раз(а). Укажите, какое вхождение имеется в виду (от 1 до {found}).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“{quote}” appears once in source {source_id}; there is no occurrence {occurrence}.</source>
        <translation>«{quote}» встречается в источнике {source_id} один раз; вхождения {occurrence} нет.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{quote}” appears {found} times in source {source_id}; there is no occurrence {occurrence}.</source>
        <translation>«{quote}» встречается в источнике {source_id} {found} раз(а); вхождения {occurrence} нет.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A region needs four numbers: x, y, width and height.</source>
        <translation>Для области нужны четыре числа: x, y, ширина и высота.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A region needs a width and a height above 0.</source>
        <translation>Ширина и высота области должны быть больше 0.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The region x={x}, y={y}, width={width}, height={height} lies outside the image. Give it relative to the image: x and y from 0 to 1, with x + width and y + height at most 1.</source>
        <translation>Область x={x}, y={y}, ширина={width}, высота={height} выходит за пределы изображения. Задайте её относительно изображения: x и y от 0 до 1, x + ширина и y + высота не больше 1.</translation>
    </message>
    <message>
        <location filename="../../core/audit.py" line="+33"/>
        <source>(Not in the audit trail: another program has the archive open.)</source>
        <translation>(Не записано в журнал аудита: архив открыт в другой программе.)</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="+196"/>
        <source>Cards are sorted oldest or newest first, or by title; not &apos;{order}&apos;.</source>
        <translation>Карточки сортируются от старых к новым, от новых к старым или по заголовку, а не «{order}».</translation>
    </message>
    <message>
        <location filename="../../core/index.py" line="+179"/>
        <source>Opening was cancelled while the search index was being rebuilt. Nothing was lost: the index is rebuilt when the archive is next opened.</source>
        <translation>Открытие отменено во время перестройки поискового индекса. Ничего не потеряно: индекс перестроится при следующем открытии архива.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The search index of the archive at {parent} is being rebuilt or needs rebuilding, so it cannot be read beside the program that has the archive open. Try again when that program has opened it.</source>
        <translation>Поисковый индекс архива в папке {parent} перестраивается или требует перестройки, поэтому его нельзя читать одновременно с программой, в которой открыт архив. Повторите, когда та программа его откроет.</translation>
    </message>
    <message>
        <location filename="../../core/search/rebuild.py" line="+45"/>
        <source>Indexing</source>
        <translation>Индексирование</translation>
    </message>
    <message>
        <location filename="../../core/index.py" line="+239"/>
        <source>Indexed</source>
        <translation>Проиндексировано</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The search index could not be updated: {message} The sources are safe in the database; the index catches up when the archive is next opened.</source>
        <translation>Поисковый индекс не удалось обновить: {message} Источники в сохранности в базе данных; индекс догонит их при следующем открытии архива.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The search index could not be updated: {error}</source>
        <translation>Поисковый индекс не удалось обновить: {error}</translation>
    </message>
    <message>
        <location filename="../../core/ocr.py" line="+43"/>
        <source>Reading text</source>
        <translation>Чтение текста</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every page has a text layer already; there is nothing to read by OCR.</source>
        <translation>У каждой страницы уже есть текстовый слой; распознавать (OCR) нечего.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Source {source_id} is {kind}; only PDFs and pictures have text to read by OCR.</source>
        <translation>Источник {source_id} — {kind}; распознавать текст (OCR) можно только в PDF и изображениях.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Reading text: page {done} of {total}</source>
        <translation>Чтение текста: страница {done} из {total}</translation>
    </message>
    <message>
        <location filename="../../core/places.py" line="+51"/>
        <source>A place needs a name or coordinates.</source>
        <translation>У места должно быть название или координаты.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;{precision}&apos; is not a precision. Use one of: {precisions}.</source>
        <translation>«{precision}» — недопустимая точность. Возможные: {precisions}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give both a latitude and a longitude, or neither.</source>
        <translation>Укажите и широту, и долготу — или ни то, ни другое.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The gazetteer knows no town called &apos;{name}&apos;.</source>
        <translation>В справочнике географических названий нет населённого пункта «{name}».</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Source {source_id} has no GPS position.</source>
        <translation>У источника {source_id} нет координат GPS.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{latitude}, {longitude} is not a position: latitude runs from -90 to 90, longitude from -180 to 180.</source>
        <translation>{latitude}, {longitude} — не координаты: широта — от -90 до 90, долгота — от -180 до 180.</translation>
    </message>
    <message>
        <location filename="../../core/research.py" line="+113"/>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>perspective</source>
        <translation>точка зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>метка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>annotation</source>
        <translation>аннотация</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 source</source>
        <translation>1 источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} sources</source>
        <translation>источников: {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 annotation</source>
        <translation>1 аннотация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} annotations</source>
        <translation>аннотаций: {count}</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>A {what} needs a name.</source>
        <translation>Нужно название ({what}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The {what} name is {text} characters long; keep it under {limit}.</source>
        <translation>Название ({what}) длиной {text} символов; оно должно быть короче {limit}.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>There is no {kind} with id {ref}.</source>
        <translation>Нет объекта ({kind}) с номером {ref}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no {kind} named &apos;{ref}&apos;.</source>
        <translation>Нет объекта ({kind}) с названием «{ref}».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>There is already {article} {kind} named &apos;{name}&apos;.</source>
        <translation>Объект ({kind}) с названием «{name}» уже есть.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The {kind} &apos;{name}&apos; is assigned to {sources} and {annotations}. Delete it anyway to remove it from them too.</source>
        <translation>«{name}» ({kind}) назначено: {sources}; {annotations}. Удалите всё равно, чтобы снять и с них.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The {kind} &apos;{name}&apos; is not in this archive yet.</source>
        <translation>«{name}» ({kind}) в этом архиве пока нет.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Choose at least one {owner}.</source>
        <translation>Выберите хотя бы один объект ({owner}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose at least one event, perspective or tag.</source>
        <translation>Выберите хотя бы одно событие, точку зрения или метку.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is no {owner}{plural} {missing} in this archive.</source>
        <translation>В этом архиве нет: {owner} {missing}.</translation>
    </message>
    <message>
        <location filename="../../core/search/compile.py" line="+511"/>
        <source>&apos;{text}&apos; is not a date.</source>
        <translation>«{text}» — не дата.</translation>
    </message>
    <message>
        <location filename="../../core/search/service.py" line="+191"/>
        <source>There is no source with id {id}.</source>
        <translation>Источника с номером {id} нет.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The number of hits and the first hit cannot be negative.</source>
        <translation>Число результатов и номер первого результата не могут быть отрицательными.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Results can be sorted by relevance or by date, not &apos;{sort}&apos;.</source>
        <translation>Результаты сортируются по релевантности или по дате, а не «{sort}».</translation>
    </message>
    <message>
        <location filename="../../core/store.py" line="+124"/>
        <source>The file changed while it was being imported.</source>
        <translation>Файл изменился во время импорта.</translation>
    </message>
    <message>
        <location filename="../../core/thumbnails.py" line="+37"/>
        <source>The original of this picture cannot be read ({value}).</source>
        <translation>Оригинал этого изображения не удаётся прочитать ({value}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No thumbnail could be made of this picture.</source>
        <translation>Не удалось сделать миниатюру этого изображения.</translation>
    </message>
    <message>
        <location filename="../../export/__init__.py" line="+30"/>
        <source>{target} is a folder; give a file name to export to.</source>
        <translation>{target} — папка; укажите имя файла для экспорта.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../export/backup.py" line="+130"/>
        <location filename="../../export/wacz.py" line="+79"/>
        <source>The folder {parent} does not exist.</source>
        <translation>Папки {parent} не существует.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The disk is full: {target} was not written. Free some space and try again.</source>
        <translation>Диск заполнен: {target} не записан. Освободите место и повторите.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{target} could not be written: {value}.</source>
        <translation>Не удалось записать {target}: {value}.</translation>
    </message>
    <message>
        <location filename="../../export/backup.py" line="-65"/>
        <source>Backed up the database and {originals} originals to {path} ({size} MB).</source>
        <translation>Резервная копия базы данных и оригиналов ({originals}) записана в {path} ({size} МБ).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} originals were missing and are not in the backup: run `archive-app check`.</source>
        <translation>Оригиналов не хватало, в копию они не вошли: {count}. Выполните `archive-app check`.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no archive at {folder}.</source>
        <translation>В папке {folder} нет архива.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The backup was cancelled; no backup file was written.</source>
        <translation>Резервное копирование отменено; файл копии не записан.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backing up originals</source>
        <translation>Копирование оригиналов</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The archive database could not be copied: {error}.</source>
        <translation>Не удалось скопировать базу данных архива: {error}.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Restored {sources} sources and {originals} originals to {folder}; every checksum matched.</source>
        <translation>В папку {folder} восстановлено источников: {sources}, оригиналов: {originals}; все контрольные суммы совпали.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{target} is not empty: restore into a new or empty folder.</source>
        <translation>Папка {target} не пуста: восстанавливайте в новую или пустую папку.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>There is no backup file at {backup}.</source>
        <translation>Файла резервной копии {backup} нет.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The restore was cancelled; nothing was restored.</source>
        <translation>Восстановление отменено; ничего не восстановлено.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking and unpacking</source>
        <translation>Проверка и распаковка</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{backup} is not a whole backup (damaged or cut short: {error}). Nothing was restored.</source>
        <translation>{backup} — неполная резервная копия (повреждена или обрезана: {error}). Ничего не восстановлено.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{backup} has no manifest: it is not a backup made by this program.</source>
        <translation>В {backup} нет манифеста: это не резервная копия этой программы.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The backup holds an absolute path ({name}); it was refused.</source>
        <translation>В резервной копии есть абсолютный путь ({name}); она отклонена.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup holds a path that leads out of its folder ({name}).</source>
        <translation>В резервной копии есть путь, ведущий за пределы её папки ({name}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup holds a link ({name} → {linkname}); refused.</source>
        <translation>В резервной копии есть ссылка ({name} → {linkname}); отклонено.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup holds a device or pipe ({name}); refused.</source>
        <translation>В резервной копии есть устройство или канал ({name}); отклонено.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup holds something that is not a file ({name}); refused.</source>
        <translation>В резервной копии есть то, что не является файлом ({name}); отклонено.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup holds an unexpected file ({name}); refused.</source>
        <translation>В резервной копии есть неожиданный файл ({name}); отклонено.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The backup&apos;s manifest cannot be read ({error}).</source>
        <translation>Манифест резервной копии не читается ({error}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup&apos;s manifest is not one this program writes.</source>
        <translation>Манифест резервной копии записан не этой программой.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup&apos;s manifest lists no files.</source>
        <translation>В манифесте резервной копии нет файлов.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{backup} holds no database. Nothing was restored.</source>
        <translation>В {backup} нет базы данных. Ничего не восстановлено.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} in the backup is not in its manifest; refused.</source>
        <translation>{name} в резервной копии нет в её манифесте; отклонено.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} in the backup does not match its checksum (damaged). Nothing was restored.</source>
        <translation>{name} в резервной копии не совпадает со своей контрольной суммой (повреждён). Ничего не восстановлено.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} does not hold the file its name promises; refused.</source>
        <translation>{name} содержит не тот файл, который обещает его имя; отклонено.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup lacks {missing} files its manifest lists ({missing2} …). Nothing was restored.</source>
        <translation>В резервной копии не хватает файлов из манифеста: {missing} ({missing2} …). Ничего не восстановлено.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The disk is full: the restore into {target} stopped and what it had written was removed. Free some space and try again.</source>
        <translation>Диск заполнен: восстановление в {target} остановлено, а записанное удалено. Освободите место и повторите.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup could not be restored into {target}: {error}.</source>
        <translation>Резервную копию не удалось восстановить в {target}: {error}.</translation>
    </message>
    <message>
        <location filename="../../export/backup_schedule.py" line="+57"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Папки {folder} не существует.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back up at least every day… and keep at least one backup.</source>
        <translation>Делайте копию не реже раза в день… и храните хотя бы одну копию.</translation>
    </message>
    <message>
        <location filename="../../export/citeproc_text.py" line="+47"/>
        <source>&apos;{style}&apos; is not a citation style this program has ({known}).</source>
        <translation>«{style}» — не стиль цитирования этой программы ({known}).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;{style}&apos; is not a citation style this program has.</source>
        <translation>«{style}» — не стиль цитирования этой программы.</translation>
    </message>
    <message>
        <location filename="../../export/formats.py" line="+70"/>
        <location filename="../../export/qdpx.py" line="+71"/>
        <location filename="../../export/report.py" line="+155"/>
        <location filename="../../export/wacz.py" line="+30"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading sources</source>
        <translation>Чтение источников</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrote 1 source to {files}.</source>
        <translation>1 источник записан в {files}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote {count} sources to {files}.</source>
        <translation>Записано источников: {count}, в {files}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote 1 annotation to {files}.</source>
        <translation>1 аннотация записана в {files}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote {count} annotations to {files}.</source>
        <translation>Записано аннотаций: {count}, в {files}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote 1 page to {files}.</source>
        <translation>1 страница записана в {files}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote {count} pages to {files}.</source>
        <translation>Записано страниц: {count}, в {files}.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A report is written as HTML or PDF: name the file .html or .pdf, not &apos;{suffix}&apos;.</source>
        <translation>Отчёт записывается в HTML или PDF: назовите файл .html или .pdf, а не «{suffix}».</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&apos;{name}&apos; is not an export format. Choose one of: {formats}.</source>
        <translation>«{name}» — не формат экспорта. Выберите один из: {formats}.</translation>
    </message>
    <message>
        <location filename="../../export/provenance.py" line="+143"/>
        <source>Choose the sources to report on.</source>
        <translation>Выберите источники для отчёта.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Re-hashing originals</source>
        <translation>Пересчёт контрольных сумм оригиналов</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&apos;{name}&apos; is neither .html nor .pdf; name the report file with one of them.</source>
        <translation>«{name}» — ни .html, ни .pdf; назовите файл отчёта с одним из этих расширений.</translation>
    </message>
    <message>
        <location filename="../../export/report_pdf.py" line="+49"/>
        <source>A PDF report needs the DejaVu fonts (for Armenian, Cyrillic and Azerbaijani letters). Install them (Debian/Ubuntu: apt install fonts-dejavu-core), or export the report as .html instead.</source>
        <translation>Для отчёта в PDF нужны шрифты DejaVu (для армянских, кириллических и азербайджанских букв). Установите их (Debian/Ubuntu: apt install fonts-dejavu-core) или экспортируйте отчёт в .html.</translation>
    </message>
    <message>
        <location filename="../../export/wacz.py" line="-39"/>
        <source>None of the chosen sources was captured from the web; no WACZ made.</source>
        <translation>Ни один из выбранных источников не сохранён из интернета; WACZ не создан.</translation>
    </message>
    <message>
        <location filename="../../core/check.py" line="+58"/>
        <source>Checking originals</source>
        <translation>Проверка оригиналов</translation>
    </message>
    <message>
        <location filename="../../core/reuse/fingerprints.py" line="+75"/>
        <source>Fingerprinting photos and texts</source>
        <translation>Отпечатки фотографий и текстов</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fingerprinting photos</source>
        <translation>Отпечатки фотографий</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fingerprinting texts</source>
        <translation>Отпечатки текстов</translation>
    </message>
    <message>
        <location filename="../../export/qdpx.py" line="+8"/>
        <source>Writing the project</source>
        <translation>Запись проекта</translation>
    </message>
    <message>
        <location filename="../../export/report.py" line="+7"/>
        <source>Formatting citations</source>
        <translation>Оформление цитат</translation>
    </message>
    <message>
        <location filename="../../importers/text.py" line="+25"/>
        <source>The file&apos;s front matter (between its --- lines) is not valid YAML; it was kept as text.</source>
        <translation>Вводный блок файла (между строками ---) — не корректный YAML; он сохранён как текст.</translation>
    </message>
</context>
<context>
    <name>counts</name>
    <message>
        <location filename="../../gui/counts.py" line="+12"/>
        <source>1 source</source>
        <translation>1 источник</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln источник</numerusform>
            <numerusform>%Ln источника</numerusform>
            <numerusform>%Ln источников</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 passage</source>
        <translation>1 фрагмент</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln passages</source>
        <translation>
            <numerusform>%Ln фрагмент</numerusform>
            <numerusform>%Ln фрагмента</numerusform>
            <numerusform>%Ln фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 sub-event</source>
        <translation>1 вложенное событие</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln sub-events</source>
        <translation>
            <numerusform>%Ln вложенное событие</numerusform>
            <numerusform>%Ln вложенных события</numerusform>
            <numerusform>%Ln вложенных событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 annotation</source>
        <translation>1 аннотация</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln annotations</source>
        <translation>
            <numerusform>%Ln аннотация</numerusform>
            <numerusform>%Ln аннотации</numerusform>
            <numerusform>%Ln аннотаций</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <location filename="../../gui/compare/dates.py" line="+26"/>
        <source>since {date}</source>
        <translation>с {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {date}</source>
        <translation>до {date}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="+16"/>
        <source>Sources (*.html *.htm *.xhtml *.mhtml *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.heic *.heif *.bmp *.txt *.text *.md *.markdown);;Reference lists (*.ris *.bib *.bibtex *.json);;All files (*)</source>
        <translation>Источники (*.html *.htm *.xhtml *.mhtml *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.heic *.heif *.bmp *.txt *.text *.md *.markdown);;Списки литературы (*.ris *.bib *.bibtex *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import a folder and everything in it</source>
        <translation>Импортировать папку со всем содержимым</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open an archive folder</source>
        <translation>Открыть папку архива</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Investigator name</source>
        <translation>Имя исследователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded in the audit trail as who made each change
(empty: your user name):</source>
        <translation>Записывается в журнал аудита как автор каждого изменения
(если пусто — имя пользователя в системе):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New archive: choose a name and a place</source>
        <translation>Новый архив: выберите имя и расположение</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{APP_NAME}: the archive cannot be opened</source>
        <translation>{APP_NAME}: не удаётся открыть архив</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The archive at {path} cannot be opened.</source>
        <translation>Не удаётся открыть архив {path}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open another…</source>
        <translation>Открыть другой…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New archive…</source>
        <translation>Новый архив…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About {APP_NAME}</source>
        <translation>О программе {APP_NAME}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;A research archive for sources about contested events: import articles, PDFs, photos and notes, search them, tag them by event and perspective, annotate and compare.</source>
        <translation>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;Исследовательский архив источников о спорных событиях: импортируйте статьи, PDF, фотографии и заметки, ищите по ним, отмечайте их событиями и точками зрения, аннотируйте и сравнивайте.</translation>
    </message>
</context>
<context>
    <name>document</name>
    <message>
        <location filename="../../gui/reader/document.py" line="-47"/>
        <source>PAGE {number}</source>
        <translation>СТРАНИЦА {number}</translation>
    </message>
</context>
<context>
    <name>drag</name>
    <message>
        <location filename="../../gui/sources/drag.py" line="+24"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../gui/annotations/editor.py" line="-25"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gui/errors.py" line="+35"/>
        <source>Something went wrong inside the program (a bug): {name}: {error}. Your archive is safe; the details are in the log.</source>
        <translation>Внутренняя ошибка программы: {name}: {error}. Ваш архив в безопасности; подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>export_menu</name>
    <message>
        <location filename="../../gui/export_menu.py" line="-285"/>
        <source>Citations (CSL-JSON)</source>
        <translation>Библиографические ссылки (CSL-JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citations (BibTeX)</source>
        <translation>Библиографические ссылки (BibTeX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citations (RIS)</source>
        <translation>Библиографические ссылки (RIS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet (CSV)</source>
        <translation>Таблица (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QDA project (REFI-QDA .qdpx)</source>
        <translation>Проект для качественного анализа (REFI-QDA .qdpx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event report (HTML or PDF)</source>
        <translation>Отчёт о событии (HTML или PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations (W3C JSON-LD)</source>
        <translation>Аннотации (W3C JSON-LD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured pages (WACZ web archive)</source>
        <translation>Сохранённые страницы (веб-архив WACZ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>APA (7th edition)</source>
        <translation>APA (7-е издание)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chicago (author-date)</source>
        <translation>Чикагский (автор — дата)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLA (9th edition)</source>
        <translation>MLA (9-е издание)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export {label}</source>
        <translation>Экспорт: {label}</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>The selected source</source>
        <translation>Выбранный источник</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n selected sources</source>
        <translation>
            <numerusform>Выбранный %n источник</numerusform>
            <numerusform>Выбранные %n источника</numerusform>
            <numerusform>Выбранные %n источников</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The event “{name}” and its sub-events</source>
        <translation>Событие «{name}» и вложенные события</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The perspective “{name}”</source>
        <translation>Точка зрения «{name}»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The tag “{name}”</source>
        <translation>Метка «{name}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The saved search “{name}”</source>
        <translation>Сохранённый запрос «{name}»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the search “{query}” finds</source>
        <translation>Результаты запроса «{query}»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The whole archive ({count_sources} sources)</source>
        <translation>Весь архив (источников: {count_sources})</translation>
    </message>
</context>
<context>
    <name>facet_chips</name>
    <message>
        <location filename="../../gui/facet_chips.py" line="-113"/>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDFs</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text &amp; notes</source>
        <translation>Тексты и заметки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kind</source>
        <translation>тип</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kinds</source>
        <translation>типы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>perspective</source>
        <translation>точка зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>perspectives</source>
        <translation>точки зрения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events</source>
        <translation>события</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>years</source>
        <translation>годы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>site</source>
        <translation>сайт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sites</source>
        <translation>сайты</translation>
    </message>
</context>
<context>
    <name>facts</name>
    <message>
        <location filename="../../gui/inspector/facts.py" line="-125"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credit</source>
        <translation>Автор снимка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creator</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copyright</source>
        <translation>Авторские права</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Местоположение</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../gui/inspector/fields.py" line="-89"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, separated by commas</source>
        <translation>Имена через запятую</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication or website</source>
        <translation>Издание или сайт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2023, September 2023 or 25 September 2023</source>
        <translation>2023, сентябрь 2023 или 25 сентября 2023</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. en, hy, az, ru</source>
        <translation>например: en, hy, az, ru</translation>
    </message>
</context>
<context>
    <name>grades</name>
    <message>
        <location filename="../../gui/grades.py" line="+11"/>
        <source>Unverified</source>
        <translation>Не проверено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Проверяется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed</source>
        <translation>Оспаривается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False</source>
        <translation>Ложно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>completely reliable</source>
        <translation>полностью надёжен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usually reliable</source>
        <translation>обычно надёжен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fairly reliable</source>
        <translation>достаточно надёжен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not usually reliable</source>
        <translation>обычно ненадёжен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreliable</source>
        <translation>ненадёжен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reliability cannot be judged</source>
        <translation>надёжность невозможно оценить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>confirmed by other sources</source>
        <translation>подтверждено другими источниками</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probably true</source>
        <translation>вероятно, верно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>possibly true</source>
        <translation>возможно, верно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>doubtful</source>
        <translation>сомнительно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>improbable</source>
        <translation>маловероятно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>truth cannot be judged</source>
        <translation>достоверность невозможно оценить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 m</source>
        <translation>100 м</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 km</source>
        <translation>1 км</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>town</source>
        <translation>населённый пункт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>region</source>
        <translation>регион</translation>
    </message>
</context>
<context>
    <name>header</name>
    <message>
        <location filename="../../gui/reader/header.py" line="-95"/>
        <source>1 page</source>
        <translation>1 страница</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} пикс.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>an alias</source>
        <translation>вариант названия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>matched {listed} ({kind} of “{escape}”)</source>
        <translation>найдено {listed} ({kind} для «{escape}»)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Captured {when}</source>
        <translation>Сохранено {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captured</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · &lt;a href=&quot;headers&quot;&gt;HTTP headers&lt;/a&gt;</source>
        <translation> · &lt;a href=&quot;headers&quot;&gt;заголовки HTTP&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>history_tab</name>
    <message>
        <location filename="../../gui/history_tab.py" line="-102"/>
        <source>Imported</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trashed</source>
        <translation>В корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroyed</source>
        <translation>Уничтожение</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Provenance report</source>
        <translation>Отчёт о происхождении</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Веб-страница (*.html)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
</context>
<context>
    <name>hits</name>
    <message>
        <location filename="../../gui/reader/hits.py" line="-108"/>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only in the title</source>
        <translation>Только в названии</translation>
    </message>
</context>
<context>
    <name>icons</name>
    <message>
        <location filename="../../gui/icons.py" line="+39"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text or note</source>
        <translation>Текст или заметка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Библиографическая запись</translation>
    </message>
</context>
<context>
    <name>image_details</name>
    <message>
        <location filename="../../gui/reader/image_details.py" line="-162"/>
        <source>Creator</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copyright</source>
        <translation>Авторские права</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken</source>
        <translation>Снято</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} пикселей</translation>
    </message>
</context>
<context>
    <name>import_report</name>
    <message>
        <location filename="../../gui/import_report.py" line="-133"/>
        <source>Imported</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in archive</source>
        <translation>Уже в архиве</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Same file as “{value}”</source>
        <translation>Тот же файл, что и «{value}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (with 1 picture)</source>
        <translation> (1 изображение)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (with %n pictures)</source>
        <translation>
            <numerusform> (%n изображение)</numerusform>
            <numerusform> (%n изображения)</numerusform>
            <numerusform> (%n изображений)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count:,} already in the archive</source>
        <translation>уже в архиве: {count:,}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} failed</source>
        <translation>с ошибкой: {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;br&gt;Cancelled: {not_attempted:,} files were not imported.</source>
        <translation>&lt;br&gt;Отменено: не импортировано файлов — {not_attempted:,}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;Stopped: {reason}</source>
        <translation>&lt;br&gt;Остановлено: {reason}</translation>
    </message>
</context>
<context>
    <name>label_rows</name>
    <message>
        <location filename="../../gui/label_rows.py" line="-79"/>
        <source>Event name</source>
        <translation>Название события</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perspective name</source>
        <translation>Название точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag name</source>
        <translation>Название метки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a perspective</source>
        <translation>точку зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a tag</source>
        <translation>метку</translation>
    </message>
</context>
<context>
    <name>labeling</name>
    <message>
        <location filename="../../gui/labeling.py" line="+31"/>
        <source>Add {names} to {sources}</source>
        <translation>Добавление {names} ({sources})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remove {names} from {sources}</source>
        <translation>Удаление {names} ({sources})</translation>
    </message>
</context>
<context>
    <name>look</name>
    <message>
        <location filename="../../gui/annotations/look.py" line="+62"/>
        <source>The whole picture</source>
        <translation>Всё изображение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page {page}</source>
        <translation>Страница {page}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Region on page {page}, {where}</source>
        <translation>Область на странице {page}, {where}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region, {where} of the picture</source>
        <translation>Область изображения: {where}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The text changed: found again approximately. Check the passage.</source>
        <translation>Текст изменился: фрагмент найден приблизительно. Проверьте его.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The text changed: this passage is no longer found in it.</source>
        <translation>Текст изменился: этот фрагмент в нём больше не найден.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no note)</source>
        <translation>(без заметки)</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../gui/sidebar/model.py" line="-60"/>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDFs</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text &amp; notes</source>
        <translation>Тексты и заметки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>References</source>
        <translation>Библиография</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>{title}: right-click or + to add one</source>
        <translation>{title}: добавить — правой кнопкой мыши или «+»</translation>
    </message>
    <message>
        <location line="+43"/>
        <location filename="../../gui/sources/model.py" line="-137"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} {dates}
{under}, sub-events included</source>
        <translation>{name} {dates}
{under}, включая вложенные события</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No events yet</source>
        <translation>Событий пока нет</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No {lower} yet</source>
        <translation>Пока пусто: {lower}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{sources} carrying it or annotated with it</source>
        <translation>{sources} с этой меткой или аннотацией</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (1 annotation)</source>
        <translation> (1 аннотация)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (%n annotations)</source>
        <translation>
            <numerusform> (%n аннотация)</numerusform>
            <numerusform> (%n аннотации)</numerusform>
            <numerusform> (%n аннотаций)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 source</source>
        <translation>1 источник</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln источник</numerusform>
            <numerusform>%Ln источника</numerusform>
            <numerusform>%Ln источников</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/sources/model.py" line="-5"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../gui/annotations/model.py" line="+74"/>
        <source>Note: {value}</source>
        <translation>Заметка: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Labels: </source>
        <translation>Метки: </translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../gui/annotations/panel.py" line="+81"/>
        <source>Choose a source to see its annotations.</source>
        <translation>Выберите источник, чтобы увидеть его аннотации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a passage and press {ANNOTATE_KEYS} (or Annotate) to add a note to it.</source>
        <translation>Выделите фрагмент и нажмите {ANNOTATE_KEYS} (или «Аннотировать»), чтобы добавить к нему заметку.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the picture</source>
        <translation>изображение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a page</source>
        <translation>страницу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No annotations yet. Turn on Draw region ({DRAW_KEYS}) or hold Shift and drag over {where} to mark a part of it.</source>
        <translation>Аннотаций пока нет. Включите «Выделить область» ({DRAW_KEYS}) или, удерживая Shift, протяните мышью по {where}, чтобы отметить её часть.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No annotations yet. {passage}</source>
        <translation>Аннотаций пока нет. {passage}</translation>
    </message>
</context>
<context>
    <name>pdf_reader</name>
    <message>
        <location filename="../../gui/reader/pdf_reader.py" line="-249"/>
        <source>This PDF is protected by a password</source>
        <translation>Этот PDF защищён паролем</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This PDF is encrypted in a way that cannot be opened here</source>
        <translation>Этот PDF зашифрован способом, который здесь не поддерживается</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The original file of this PDF is missing from the archive</source>
        <translation>Оригинальный файл этого PDF отсутствует в архиве</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This PDF is damaged</source>
        <translation>Этот PDF повреждён</translation>
    </message>
</context>
<context>
    <name>place_choice</name>
    <message>
        <location filename="../../gui/place_choice.py" line="+22"/>
        <source>“{escape}” is {count:,} places: &lt;a href=&quot;{CHOICE_LINK}{number}&quot;&gt;which?&lt;/a&gt;</source>
        <translation>«{escape}» — это несколько мест ({count:,}): &lt;a href=&quot;{CHOICE_LINK}{number}&quot;&gt;какое?&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Which “{name}” do you mean?</source>
        <translation>Какое место «{name}» вы имеете в виду?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None of these: search the word only</source>
        <translation>Ни одно из них: искать только слово</translation>
    </message>
</context>
<context>
    <name>recognition</name>
    <message>
        <location filename="../../gui/recognition.py" line="-125"/>
        <source>Read the text of the selected scans and photos (OCR)</source>
        <translation>Распознать текст выбранных сканов и фотографий (OCR)</translation>
    </message>
</context>
<context>
    <name>research_dialogs</name>
    <message>
        <location filename="../../gui/research_dialogs.py" line="-211"/>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>Оранжевый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magenta</source>
        <translation>Пурпурный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Violet</source>
        <translation>Фиолетовый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ochre</source>
        <translation>Охристый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turquoise</source>
        <translation>Бирюзовый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>Красный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grey</source>
        <translation>Серый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lime</source>
        <translation>Салатовый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brown</source>
        <translation>Коричневый</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete perspective</source>
        <translation>Удалить точку зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete tag</source>
        <translation>Удалить метку</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Perspective colour</source>
        <translation>Цвет точки зрения</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag:</source>
        <translation>Метка:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source> and </source>
        <translation> и </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{name}” is assigned to {uses}.</source>
        <translation>«{name}» присвоено: {uses}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete it and remove it from them? Edit ▸ Undo puts everything back.</source>
        <translation>Удалить и убрать отовсюду? Правка ▸ Отменить всё вернёт.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete it and remove it from that one? Edit ▸ Undo puts it back.</source>
        <translation>Удалить и убрать оттуда? Правка ▸ Отменить всё вернёт.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete and remove from {uses}</source>
        <translation>Удалить и убрать ({uses})</translation>
    </message>
</context>
<context>
    <name>reuse_panel</name>
    <message>
        <location filename="../../gui/reader/reuse_panel.py" line="+7"/>
        <source>Same story as &lt;a href=&quot;source:{id}&quot;&gt;source {id}&lt;/a&gt;{site}, about {round}% shared</source>
        <translation>Та же статья, что и &lt;a href=&quot;source:{id}&quot;&gt;источник {id}&lt;/a&gt;{site}, совпадает около {round}%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only here</source>
        <translation>Только здесь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only in source {id}</source>
        <translation>Только в источнике {id}</translation>
    </message>
</context>
<context>
    <name>reused_photos</name>
    <message>
        <location filename="../../gui/reused_photos.py" line="-207"/>
        <source>Photo</source>
        <translation>Фотография</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen</source>
        <translation>Впервые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown</source>
        <translation>Публикаций</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perspectives</source>
        <translation>Точки зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions</source>
        <translation>Подписи</translation>
    </message>
</context>
<context>
    <name>search_bar</name>
    <message>
        <location filename="../../gui/search_bar.py" line="+37"/>
        <source>{pending:,} changed sources are not searchable as they are yet.</source>
        <translation>Изменённые источники ({pending:,}) пока не доступны для поиска в новом виде.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No hits</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 hit</source>
        <translation>1 результат</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln hits</source>
        <translation>
            <numerusform>%Ln результат</numerusform>
            <numerusform>%Ln результата</numerusform>
            <numerusform>%Ln результатов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>showing_cards</name>
    <message>
        <location filename="../../gui/reader/showing_cards.py" line="-61"/>
        <source>Open this source</source>
        <translation>Открыть этот источник</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open {title}</source>
        <translation>Открыть «{title}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this source</source>
        <translation>этот источник</translation>
    </message>
</context>
<context>
    <name>tips</name>
    <message>
        <location filename="../../gui/timeline/tips.py" line="+46"/>
        <source>dates from its sub-events</source>
        <translation>даты по вложенным событиям</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No sources yet — drag sources onto it in the sidebar.</source>
        <translation>Источников пока нет — перетащите их на него на боковой панели.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{counted}, sub-events included:</source>
        <translation>{counted}, включая вложенные события:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;span style=&apos;color:gray&apos;&gt;Click to list its sources · double-click to zoom&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:gray&apos;&gt;Щелчок — список источников · двойной щелчок — приблизить&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; on {event}: {counts}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; о событии «{event}»: {counts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; on {event}: no source yet — a gap in coverage</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; о событии «{event}»: источников пока нет — пробел в освещении</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; on {event}: no source</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; о событии «{event}»: нет источников</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;{escape}&lt;/b&gt;{about}&lt;br&gt;Each cell below: its sources on the event, sub-events included</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt;{about}&lt;br&gt;Каждая ячейка ниже — источники этой точки зрения о событии, включая вложенные</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No sources</source>
        <translation>Нет источников</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{escape}&lt;/b&gt;: {sources} published {period}</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt;: {sources}, опубликовано {period}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>in the week of {toString}</source>
        <translation>на неделе {toString}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>in Q{value} {year}</source>
        <translation>в {value}-м квартале {year}</translation>
    </message>
</context>
<context>
    <name>trash_view</name>
    <message>
        <location filename="../../gui/trash_view.py" line="-93"/>
        <source>Empty the trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy {sources} for good, with their annotations and original files?

This cannot be undone. The audit trail keeps a record that it was done.</source>
        <translation>Безвозвратно уничтожить источники ({sources}) вместе с их аннотациями и оригинальными файлами?

Это действие нельзя отменить. В журнале аудита останется запись о нём.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Source {source_id}: {title}</source>
        <translation>Источник {source_id}: {title}</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../gui/compare/view.py" line="-218"/>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By title</source>
        <translation>По названию</translation>
    </message>
    <message>
        <location filename="../../gui/timeline/view.py" line="-37"/>
        <source>Filled cells count each perspective&apos;s sources on the event (carrying it, or with a passage that does), as the sidebar and the compare view do; the strips count the dated sources that carry each perspective, by when they were published. A dashed cell is a side with no source yet. Click an event to list its sources, double-click to zoom, Ctrl+wheel to zoom.</source>
        <translation>Заполненные ячейки показывают число источников каждой точки зрения о событии (отмеченных им или с отмеченным фрагментом) — так же, как боковая панель и сравнение; полосы показывают датированные источники каждой точки зрения по дате публикации. Пунктирная ячейка — сторона, источников которой пока нет. Щелчок по событию — список его источников, двойной щелчок или Ctrl+колесо мыши — масштаб.</translation>
    </message>
</context>
<context>
    <name>welcome</name>
    <message>
        <location filename="../../gui/welcome.py" line="-69"/>
        <source>Keep the articles, PDFs, photos and notes you collect about contested events in one place. Search them in full text, whichever name a source gives a place (Khankendi, Stepanakert, Xankəndi), tag them by event and perspective, annotate passages and parts of photos, and compare how each side told the story.</source>
        <translation>Храните статьи, PDF, фотографии и заметки о спорных событиях в одном месте. Ищите по полному тексту, как бы источник ни называл место (Ханкенди, Степанакерт, Xankəndi), отмечайте материалы событиями и точками зрения, аннотируйте фрагменты текста и части фотографий и сравнивайте, как каждая сторона рассказала о событиях.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Then:&lt;/b&gt; search from the field on top (Ctrl+F) · choose a source to read it · give it events, perspectives and tags in the inspector · every original is kept byte for byte.</source>
        <translation>&lt;b&gt;Дальше:&lt;/b&gt; ищите в поле сверху (Ctrl+F) · выберите источник, чтобы прочитать его · присваивайте события, точки зрения и метки в инспекторе · каждый оригинал хранится байт в байт.</translation>
    </message>
</context>
</TS>

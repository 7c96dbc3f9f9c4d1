// What a screen reader is told about a section page (Leaflet Viewer's reader, a QTextBrowser).
//
// Qt's own accessible for a text view reports each run's font, colour and alignment but never its
// language, and PySide6 cannot override QAccessibleTextInterface::attributes() from Python (the
// method has out-parameters and is not bound). A screen reader picks its voice from the text
// attribute "language" (Orca, through AT-SPI; NVDA and JAWS through IAccessible2), so without it
// a Polish or Urdu page is read with the English voice. This small interface replaces Qt's for
// the pages only (each page carries the dynamic property "leafletPage"):
//
//  * the text, without the invisible bidi isolate marks (U+2066..U+2069) the renderer puts around
//    contact details and English glosses or the zero-width spaces that let an e-mail address
//    wrap, and with offsets counted the same way;
//  * each run's attributes with "language": the page's own (its QWidget::locale()), or English
//    for the English inside it (a gloss or a contact detail with letters, set apart by isolates;
//    a Latin-script run inside a page in another script);
//  * the section heading as a child object with the heading role and its level (and the
//    leaflet's title, on the first section's page, as the level-1 heading), and each link
//    (tel:, mailto:, web) as a child object with the link role, its target as description and a
//    "press" action that does what activating it in the text does;
//  * role document, read-only, one object: no editable-text interface, no viewport or scroll
//    bar children.
//
// Built against Qt 6.4's public headers (Debian's qt6-base-dev) and loaded into PySide6's Qt
// 6.11 (Qt keeps binary compatibility within Qt 6). QAccessibleAttributesInterface (Qt 6.8) is
// declared here with the same layout because those headers predate it.

// A Python extension module, so that importing it is all it takes to load it (no ctypes at start-up).
// Python.h first: Qt's keywords ("slots") must not reach it.
#define PY_SSIZE_T_CLEAN
#define Py_LIMITED_API 0x030B0000
#include <Python.h>

#include <QtCore/QList>
#include <QtCore/QLocale>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtCore/QVariant>
#include <QtGui/QAbstractTextDocumentLayout>
#include <QtGui/QAccessible>
#include <QtGui/QGlyphRun>
#include <QtGui/QTextLayout>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtGui/QTextFragment>
#include <QtGui/QWindow>
#include <QtWidgets/QAccessibleWidget>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTextEdit>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// The values of the running Qt (6.8+) for what Qt 6.4's headers do not name.
constexpr auto kAttributesInterface = static_cast<QAccessible::InterfaceType>(9);
constexpr int kAttributeLevel = 1;
constexpr int kAttributeLocale = 2;  // Qt 6.10

// Same layout as Qt 6.8's QAccessibleAttributesInterface (QList<QAccessible::Attribute> is a
// QList of an int-sized enum class).
class AttributesInterface
{
public:
    virtual ~AttributesInterface() = default;
    virtual QList<int> attributeKeys() const = 0;
    virtual QVariant attributeValue(int key) const = 0;
};

// Invisible marks a screen reader must not meet: the bidi isolates (LRI, RLI, FSI, PDI) and the
// zero-width spaces that let a long e-mail address wrap.
bool isHidden(char16_t u) { return (u >= 0x2066 && u <= 0x2069) || u == 0x200B; }

QString spoken(QString text)
{
    text.removeIf([](QChar c) { return isHidden(c.unicode()); });
    for (QChar &c : text) {
        switch (c.unicode()) {
        case QChar::ParagraphSeparator:
        case QChar::LineSeparator:
        case 0xFDD0:  // start and end of a frame (the contact card's table)
        case 0xFDD1:
            c = u'\n';
            break;
        case QChar::ObjectReplacementCharacter:  // an image (a QR code): described by its caption
        case QChar::Nbsp:  // kept a phone number on one line; spoken (and copied) as a space
            c = u' ';
            break;
        default:
            break;
        }
    }
    return text;
}

bool isLatinLetter(QChar c) { return c.isLetter() && c.script() == QChar::Script_Latin; }

// One heading or link inside a page.
struct Part {
    QAccessible::Role role;
    int start;  // document positions
    int end;
    int level;  // headings
    QString target;  // links
    QString name;
    QLocale locale;
};

class PageAccessible;

class PartAccessible : public QAccessibleInterface, public QAccessibleActionInterface, public AttributesInterface
{
public:
    PartAccessible(QTextEdit *page, const Part &part) : m_page(page), m_part(part) {}

    bool isValid() const override { return !m_page.isNull(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override
    {
        return m_page ? m_page->window()->windowHandle() : nullptr;
    }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_page); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name)
            return m_part.name;
        if (t == QAccessible::Description && m_part.role == QAccessible::Link)
            return m_part.target;
        return QString();
    }
    void setText(QAccessible::Text, const QString &) override {}
    QAccessible::Role role() const override { return m_part.role; }
    QRect rect() const override
    {
        if (!m_page)
            return QRect();
        QTextCursor cursor(m_page->document());
        cursor.setPosition(m_part.start);
        QRect r = m_page->cursorRect(cursor);
        cursor.setPosition(m_part.end);
        r = r.united(m_page->cursorRect(cursor));
        if (m_part.role == QAccessible::Heading) {  // the whole width of the heading's lines
            const QRectF block = m_page->document()->documentLayout()->blockBoundingRect(cursor.block());
            r.setLeft(int(block.left()) - m_page->horizontalScrollBar()->value());
            r.setRight(int(block.right()) - m_page->horizontalScrollBar()->value());
        }
        return QRect(m_page->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!m_page || !m_page->isVisible()) {
            s.invisible = true;
            return s;
        }
        const QRect shown(m_page->viewport()->mapToGlobal(QPoint(0, 0)), m_page->viewport()->size());
        s.offscreen = !shown.intersects(rect());
        s.readOnly = true;
        s.linked = m_part.role == QAccessible::Link;
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType t) override
    {
        if (t == QAccessible::ActionInterface && m_part.role == QAccessible::Link)
            return static_cast<QAccessibleActionInterface *>(this);
        if (t == kAttributesInterface)
            return static_cast<AttributesInterface *>(this);
        return nullptr;
    }

    // A link's one action: what Enter on it in the text does (the app copies the detail).
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &name) override
    {
        if (m_page && name == pressAction())
            QMetaObject::invokeMethod(m_page, "anchorClicked", Qt::DirectConnection,
                                      Q_ARG(QUrl, QUrl(m_part.target)));
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

    QList<int> attributeKeys() const override
    {
        return m_part.role == QAccessible::Heading ? QList<int>{kAttributeLevel, kAttributeLocale}
                                                   : QList<int>{kAttributeLocale};
    }
    QVariant attributeValue(int key) const override
    {
        if (key == kAttributeLevel && m_part.role == QAccessible::Heading)
            return m_part.level;
        return key == kAttributeLocale ? QVariant(m_part.locale) : QVariant();
    }

private:
    QPointer<QTextEdit> m_page;
    Part m_part;
};

class PageAccessible : public QAccessibleWidget, public QAccessibleTextInterface, public AttributesInterface
{
public:
    explicit PageAccessible(QTextEdit *page) : QAccessibleWidget(page, QAccessible::Document) {}
    ~PageAccessible() override
    {
        for (QAccessible::Id id : m_partIds)
            if (id)
                QAccessible::deleteAccessibleInterface(id);
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.readOnly = true;
        s.editable = false;
        s.multiLine = true;
        s.selectableText = true;
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType t) override
    {
        if (t == QAccessible::TextInterface)
            return static_cast<QAccessibleTextInterface *>(this);
        if (t == kAttributesInterface)
            return static_cast<AttributesInterface *>(this);
        return QAccessibleWidget::interface_cast(t);
    }
    // The page's language, as Qt's own interface gives it (newer screen readers use it too).
    QList<int> attributeKeys() const override { return {kAttributeLocale}; }
    QVariant attributeValue(int key) const override
    {
        return key == kAttributeLocale ? QVariant(page()->locale()) : QVariant();
    }

    // Children: the headings and links, in reading order.
    int childCount() const override { return int(parts().size()); }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        QAccessible::Id &id = m_partIds[size_t(index)];
        if (!id)
            id = QAccessible::registerAccessibleInterface(new PartAccessible(page(), m_parts[size_t(index)]));
        return QAccessible::accessibleInterface(id);
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (size_t i = 0; i < m_partIds.size(); ++i)
            if (m_partIds[i] && QAccessible::accessibleInterface(m_partIds[i]) == child)
                return int(i);
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        for (int i = 0; i < childCount(); ++i) {
            QAccessibleInterface *part = child(i);
            if (part->rect().contains(x, y))
                return part;
        }
        return nullptr;
    }
    QAccessibleInterface *focusChild() const override { return nullptr; }  // the page is the one object

    // Text, with offsets that skip the hidden marks.
    int characterCount() const override { return exposed(document()->characterCount() - 1); }
    // From the document's own characters, not a cursor's selection: a selection from one cell
    // of the contact card's table into the next takes both cells whole.
    QString text(int start, int end) const override
    {
        const int from = docPosition(std::max(0, start)), to = docPosition(std::min(end, characterCount()));
        return to > from ? spoken(raw().mid(from, to - from)) : QString();
    }
    QString text(QAccessible::Text t) const override { return QAccessibleWidget::text(t); }
    QString textAtOffset(int offset, QAccessible::TextBoundaryType type, int *start, int *end) const override
    {
        return around(offset, type, 0, start, end);
    }
    QString textBeforeOffset(int offset, QAccessible::TextBoundaryType type, int *start, int *end) const override
    {
        return around(offset, type, -1, start, end);
    }
    QString textAfterOffset(int offset, QAccessible::TextBoundaryType type, int *start, int *end) const override
    {
        return around(offset, type, 1, start, end);
    }
    QString attributes(int offset, int *start, int *end) const override;

    int cursorPosition() const override { return exposed(page()->textCursor().position()); }
    void setCursorPosition(int position) override
    {
        QTextCursor cursor = page()->textCursor();
        cursor.setPosition(docPosition(position));
        page()->setTextCursor(cursor);
    }
    int selectionCount() const override { return page()->textCursor().hasSelection() ? 1 : 0; }
    void selection(int index, int *start, int *end) const override
    {
        const QTextCursor cursor = page()->textCursor();
        *start = *end = 0;
        if (index == 0 && cursor.hasSelection()) {
            *start = exposed(cursor.selectionStart());
            *end = exposed(cursor.selectionEnd());
        }
    }
    void setSelection(int index, int start, int end) override
    {
        if (index != 0)
            return;
        QTextCursor cursor = page()->textCursor();
        cursor.setPosition(docPosition(start));
        cursor.setPosition(docPosition(end), QTextCursor::KeepAnchor);
        page()->setTextCursor(cursor);
    }
    void addSelection(int start, int end) override { setSelection(0, start, end); }
    void removeSelection(int index) override
    {
        if (index != 0)
            return;
        QTextCursor cursor = page()->textCursor();
        cursor.clearSelection();
        page()->setTextCursor(cursor);
    }
    // Where the character is drawn: its glyphs' box on its line. (Its caret edges are ambiguous
    // where the direction changes, as at the start of a left-to-right isolate in Arabic.)
    QRect characterRect(int offset) const override
    {
        const int position = docPosition(offset);
        const QTextBlock block = document()->findBlock(position);
        const QTextLayout *layout = block.layout();
        const int at = position - block.position();
        const QTextLine line = layout ? layout->lineForTextPosition(at) : QTextLine();
        if (!line.isValid())
            return QRect();
        QRectF glyphs;
        for (const QGlyphRun &run : layout->glyphRuns(at, 1))
            glyphs = glyphs.united(run.boundingRect());
        qreal left = glyphs.left(), width = glyphs.width();
        if (glyphs.isNull()) {  // nothing drawn (a line's end): its caret
            left = line.cursorToX(at);
            width = 0;
        }
        // Lines are placed from the block's top left in the document (in a table cell too).
        const QPointF origin = document()->documentLayout()->blockBoundingRect(block).topLeft() - scrolled();
        const QRectF r(origin.x() + left, origin.y() + line.y(), width, line.height());
        return QRect(page()->viewport()->mapToGlobal(r.topLeft().toPoint()), r.size().toSize());
    }
    int offsetAtPoint(const QPoint &point) const override
    {
        const QPointF p = QPointF(page()->viewport()->mapFromGlobal(point)) + scrolled();
        const int position = document()->documentLayout()->hitTest(p, Qt::ExactHit);
        return position < 0 ? -1 : exposed(position);
    }
    // Say-all: the view follows the text being read (the page's own slot, as Qt's text view does).
    void scrollToSubstring(int start, int end) override
    {
        QTextCursor cursor(document());
        cursor.setPosition(docPosition(start));
        QRect r = page()->cursorRect(cursor);
        cursor.setPosition(docPosition(end));
        r.setBottomRight(page()->cursorRect(cursor).bottomRight());
        r.translate(page()->horizontalScrollBar()->value(), page()->verticalScrollBar()->value());
        QMetaObject::invokeMethod(page(), "_q_ensureVisible", Q_ARG(QRectF, QRectF(r)));
    }

private:
    QTextEdit *page() const { return static_cast<QTextEdit *>(widget()); }
    QPointF scrolled() const
    {
        return QPointF(page()->horizontalScrollBar()->value(), page()->verticalScrollBar()->value());
    }
    QTextDocument *document() const { return page()->document(); }

    // The document's characters, one per position (a page's document never changes once shown).
    const QString &raw() const
    {
        if (!m_rawKnown) {
            m_raw = document()->toRawText();
            m_rawKnown = true;
        }
        return m_raw;
    }
    // Document positions of the hidden marks.
    const std::vector<int> &marks() const
    {
        if (!m_marksKnown) {
            for (int i = 0; i < raw().size(); ++i)
                if (isHidden(raw().at(i).unicode()))
                    m_marks.push_back(i);
            m_marksKnown = true;
        }
        return m_marks;
    }
    int exposed(int position) const
    {
        const auto &m = marks();
        return position - int(std::lower_bound(m.begin(), m.end(), position) - m.begin());
    }
    int docPosition(int offset) const
    {
        int position = std::max(0, offset);
        for (int mark : marks()) {
            if (mark > position)
                break;
            ++position;
        }
        return std::min(position, document()->characterCount() - 1);
    }

    QString around(int offset, QAccessible::TextBoundaryType type, int step, int *start, int *end) const
    {
        const int last = document()->characterCount() - 1;
        QTextCursor cursor(document());
        cursor.setPosition(docPosition(offset));
        QPair<int, int> range = QAccessible::qAccessibleTextBoundaryHelper(cursor, type);
        if (step < 0 && range.first > 0) {
            cursor.setPosition(range.first - 1);
            range = QAccessible::qAccessibleTextBoundaryHelper(cursor, type);
        } else if (step > 0 && range.second <= last) {
            cursor.setPosition(std::min(range.second, last));
            range = QAccessible::qAccessibleTextBoundaryHelper(cursor, type);
        }
        *start = exposed(range.first);
        *end = exposed(range.second);
        return text(*start, *end);
    }

    QString languageAt(const QTextBlock &block, int position, int *runStart, int *runEnd) const;

    const std::vector<Part> &parts() const;

    mutable QString m_raw;
    mutable bool m_rawKnown = false;
    mutable std::vector<int> m_marks;
    mutable bool m_marksKnown = false;
    mutable std::vector<Part> m_parts;
    mutable bool m_partsKnown = false;
    mutable std::vector<QAccessible::Id> m_partIds;
};

const std::vector<Part> &PageAccessible::parts() const
{
    if (m_partsKnown)
        return m_parts;
    m_partsKnown = true;
    // The leaflet's title, above the first section's heading, is the level-1 heading: the first
    // line of the page's first paragraph (the publisher is on the next line).
    if (page()->property("leafletTitleBlocks").toInt() > 0) {
        const QTextBlock first = document()->begin();
        const QString title = first.text().section(QChar::LineSeparator, 0, 0);
        m_parts.push_back({QAccessible::Heading, first.position(), first.position() + int(title.size()), 1,
                           QString(), spoken(title).trimmed(), page()->locale()});
    }
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level > 0) {
            const int end = block.position() + block.length() - 1;
            m_parts.push_back({QAccessible::Heading, block.position(), end, level, QString(),
                               spoken(block.text()).trimmed(), page()->locale()});
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor() || format.anchorHref().isEmpty())
                continue;
            const int start = fragment.position(), end = start + fragment.length();
            Part *last = m_parts.empty() ? nullptr : &m_parts.back();
            if (last && last->role == QAccessible::Link && last->end == start && last->target == format.anchorHref()) {
                last->end = end;  // one link set in several formats
                last->name = spoken(last->name + fragment.text()).trimmed();
            } else {
                const QString name = spoken(fragment.text()).trimmed();
                // An e-mail or web address is English; a phone number is read in the page's language.
                const bool english = std::any_of(name.begin(), name.end(), isLatinLetter);
                m_parts.push_back({QAccessible::Link, start, end, 0, format.anchorHref(), name,
                                   english ? QLocale(QLocale::English) : page()->locale()});
            }
        }
    }
    m_partIds.assign(m_parts.size(), 0);
    return m_parts;
}

// The language of the text at a document position, and the run of the block it holds for.
QString PageAccessible::languageAt(const QTextBlock &block, int position, int *runStart, int *runEnd) const
{
    const QString own = page()->locale().bcp47Name();
    const bool latinPage = page()->locale().script() == QLocale::LatinScript;
    const QString text = block.text();
    const int base = block.position();
    // English spans of this block: isolates holding letters, and in a page in another script,
    // stretches of Latin letters (with the spaces, digits and marks between them).
    std::vector<QPair<int, int>> english;
    for (int i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u >= 0x2066 && u <= 0x2068) {
            int depth = 1, j = i + 1;
            bool letters = false;
            for (; j < text.size() && depth; ++j) {
                const char16_t v = text.at(j).unicode();
                depth += (v >= 0x2066 && v <= 0x2068) ? 1 : (v == 0x2069 ? -1 : 0);
                letters = letters || isLatinLetter(text.at(j));
            }
            if (letters && own != QLatin1String("en"))
                english.push_back({i, j});
            i = j - 1;
        } else if (!latinPage && isLatinLetter(text.at(i))) {
            int j = i, lastLetter = i;
            for (; j < text.size(); ++j) {
                const QChar c = text.at(j);
                if (c.isLetter() && !isLatinLetter(c))
                    break;
                if (isLatinLetter(c))
                    lastLetter = j;
            }
            english.push_back({i, lastLetter + 1});
            i = lastLetter;
        }
    }
    const int at = position - base;
    int from = 0, to = int(text.size()) + 1;  // the block's separator goes with its last run
    for (const auto &span : english) {
        if (at >= span.first && at < span.second) {
            *runStart = base + span.first;
            *runEnd = base + span.second;
            return QStringLiteral("en");
        }
        if (span.second <= at)
            from = span.second;
        else {
            to = span.first;
            break;
        }
    }
    *runStart = base + from;
    *runEnd = base + to;
    return own;
}

QString PageAccessible::attributes(int offset, int *start, int *end) const
{
    const int count = characterCount();
    if (offset == -2)
        offset = cursorPosition();
    if (offset == -1 || offset == count)
        offset = std::max(0, count - 1);
    if (offset < 0 || offset > count) {
        *start = *end = -1;
        return QString();
    }
    const int position = docPosition(offset);
    QTextCursor cursor(document());
    cursor.setPosition(position);
    const QTextBlock block = cursor.block();
    // The run: the fragment (one character format) holding the position; the block's separator
    // goes with its last fragment.
    int runStart = block.position(), runEnd = block.position() + block.length();
    QTextCharFormat format = block.charFormat();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const int fragmentEnd = fragment.position() + fragment.length();
        if (fragment.contains(position) || fragmentEnd == runEnd - 1) {
            format = fragment.charFormat();
            runStart = std::max(runStart, fragment.position());
            if (fragmentEnd < runEnd - 1)
                runEnd = fragmentEnd;
            break;
        }
    }
    int languageStart = 0, languageEnd = 0;
    const QString language = languageAt(block, position, &languageStart, &languageEnd);
    runStart = std::max(runStart, languageStart);
    runEnd = std::min(runEnd, languageEnd);
    *start = exposed(runStart);
    *end = std::max(*start + 1, exposed(runEnd));

    const QFont font = format.font();
    QString family = font.families().value(0, font.family());
    family.replace(QLatin1Char(';'), QLatin1String("\\;")).replace(QLatin1Char(':'), QLatin1String("\\:"));
    QStringList attrs;
    attrs << QStringLiteral("language:%1").arg(language);
    if (!family.isEmpty())
        attrs << QStringLiteral("font-family:\"%1\"").arg(family);
    if (font.pointSizeF() > 0)
        attrs << QStringLiteral("font-size:%1pt").arg(qRound(font.pointSizeF()));
    attrs << QStringLiteral("font-weight:%1").arg(font.weight() > QFont::Normal ? "bold" : "normal");
    if (block.textDirection() == Qt::RightToLeft)
        attrs << QStringLiteral("writing-mode:rl");
    return attrs.join(QLatin1Char(';')) + QLatin1Char(';');
}

QAccessibleInterface *factory(const QString &, QObject *object)
{
    if (!object || !object->isWidgetType() || !object->property("leafletPage").toBool())
        return nullptr;
    auto *page = qobject_cast<QTextEdit *>(object);
    return page ? new PageAccessible(page) : nullptr;
}

}  // namespace

// import leaflet_app.native._page_accessible: installs the factory, once (Python imports a module once).
static PyModuleDef moduleDef = {PyModuleDef_HEAD_INIT, "_page_accessible",
                                "The section pages' own accessible interface (see page_accessible.cpp).",
                                0, nullptr, nullptr, nullptr, nullptr, nullptr};

PyMODINIT_FUNC PyInit__page_accessible()
{
    QAccessible::installFactory(factory);
    return PyModule_Create(&moduleDef);
}

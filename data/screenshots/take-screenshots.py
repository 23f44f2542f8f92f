#!/usr/bin/python3
# take-screenshots.py: retakes the screenshots in this folder, each view in
# the light and the dark style (NAME-light.png, NAME-dark.png).
#
#   xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
#     data/screenshots/take-screenshots.py BUILD_DIR [basic|analysis]...
#
# basic: the reading views, codebook, preferences and tagging popover;
# analysis: side by side, the three Compare pages, Attributions and the
# brief dialog (at 1400x900). Both by default.
#
# Drives a fresh sample project through AT-SPI and key presses (dogtail, as
# tests/ui/test-a11y.py does) and grabs each window with ImageMagick's
# `import`. Needs python3-dogtail, imagemagick, xdotool and xcompmgr (a
# compositor, so popovers get their real shadows rather than black frames);
# optipng, if installed, makes the files smaller. The analysis views get a
# scratch copy of the sample project tagged with standpoint-cli, so they
# have content to show.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sqlite3
import shutil
import subprocess
import sys
import tempfile
import time

from dogtail.config import config
config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
from dogtail import rawinput, tree  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def wait(func, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = func()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    raise SystemExit('timed out')


def grab(title, name):
    """Saves the screen's area of the top-level window titled @title, so
    that popovers (windows of their own) over it are in the picture."""
    time.sleep(1.0)
    ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                         capture_output=True, text=True, check=True).stdout.split()
    geometry = {}
    for line in subprocess.run(['xdotool', 'getwindowgeometry', '--shell', ids[-1]],
                               capture_output=True, text=True, check=True).stdout.split():
        key, _, value = line.partition('=')
        geometry[key] = int(value)
    path = os.path.join(HERE, name + '.png')
    subprocess.run(['import', '-window', 'root',
                    '-crop', '%(WIDTH)dx%(HEIGHT)d+%(X)d+%(Y)d' % geometry, '+repage', path],
                   check=True)
    if shutil.which('optipng'):
        subprocess.run(['optipng', '-quiet', '-o2', path], check=True)
    print('wrote', path)


def focused(window):
    nodes = window.findChildren(lambda n: n.focused)
    return nodes[0] if nodes else None


def tab_to(window, predicate):
    for _ in range(80):
        node = focused(window)
        if node is not None and predicate(node):
            return node
        rawinput.pressKey('Tab')
        time.sleep(0.05)
    raise SystemExit('Tab never got there')


def select_words(iface, text, after, words):
    """Puts the caret on the line after @after and selects @words words."""
    target = text.index(after) + len(after)
    rawinput.keyCombo('<Control>Home')
    for _ in range(200):
        if iface.caretOffset > target:
            break
        rawinput.pressKey('Down')
    rawinput.pressKey('Home')
    for _ in range(words):
        rawinput.keyCombo('<Control><Shift>Right')
    time.sleep(0.2)


# The analysis views need content: a few real passages tagged with stances
# of five stakeholders on four themes, and two report passages linked to
# the transcript turns they paraphrase.
VALUES = 'Values in standards'
FORKING = 'Fragmentation and forking of standards'
EXPORT = 'Export control and standards participation'
MULTI = 'Multi-stakeholder participation'
CHINA = 'China as challenger or contributor'

# (document kind, a sentence as the document has it, themes, stance, memo)
PASSAGES = (
    ('transcript', "So I'd like to suggest we decouple all these so-called values from technical standards", (VALUES,), 'opposes', None),
    ('transcript', "With my suggestion, we keep the values on the countries' self-regulation policies and put the consensus building of technologies in the standards: don't mix it up.", (VALUES,), 'opposes', 'Li: leave values to national regulation'),
    ('transcript', "The first one is that the industry itself is already fragmented, that means the standard naturally will be fragmented.", (FORKING,), 'mixed', None),
    ('transcript', "The more you go into policy and values, the more you see the forking happening, that's Y shape technology.", (VALUES, FORKING), 'supports', None),
    ('transcript', "If this leads to forking, I'm not sure that the global community will actually gain from this.", (FORKING,), 'opposes', None),
    ('transcript', "But in 2018, we passed new laws regarding export control and the regulation of foreign investment, which drastically expanded the scope of control to something called emerging and critical technologies.", (EXPORT,), 'opposes', None),
    ('transcript', "At the same time, the Commerce Department issued an interpretation on standards, which said the US couldn't participate in standard setting with companies that were facing export control restrictions.", (EXPORT,), 'opposes', None),
    ('transcript', "I agree with Thomas that we cannot think of standards negotiations as ways of imposing our values and so on on people", (VALUES,), 'opposes', None),
    ('transcript', "Oh, that is very difficult, you can't really put a finger on whether decoupling will arise in all areas or not.", (FORKING,), 'unclear', None),
    ('transcript', "It's not easy for us to be definitely the same as US all of a sudden, but we're moving forward to opening up even now.", (MULTI,), 'supports', None),
    ('transcript', "You can't disassociate standards and technology from values", (VALUES,), 'supports', None),
    ('report', "As for how to separate democratic (or otherwise controversial) values from standards, the solution prescribed by Thomas Li is to differentiate technical standards from industry policies or regulations", (VALUES,), 'opposes', None),
    ('report', "However, Professor Renda doubts this approach is always possible or ideal.", (VALUES,), 'mixed', None),
    ('report', "As Professor Renda observes, the forking of CET standardisation is happening at least to some extent", (FORKING,), 'supports', None),
    ('transcript', "I'm sure there is room for further cooperation even though we have problems currently", (FORKING,), 'opposes', None),
    ('transcript', "They just say the standards should be developed, through open and transparent processes.", (MULTI,), 'supports', None),
    ('transcript', "I think that mainly if we see it in a bifurcated way, so US sanctions and, Huawei-related, China's economic coercion onto countries that abide by US sanctions.", (EXPORT,), 'opposes', None),
    ('transcript', "we all know that the spirit of standardization is to put unlike-minded persons together to reach consensus", (MULTI,), 'supports', None),
)
# (index of the report passage, index of the transcript passage it paraphrases)
LINKS = ((11, 1), (13, 3))


def fill_project(cli, path):
    """Tags PASSAGES in the project file at @path and links LINKS, with
    standpoint-cli. The offsets come from the documents' text as stored."""
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    documents = {kind: (id, text) for id, kind, text in db.execute('SELECT id, kind, text FROM documents')}
    db.close()
    ids = []
    for kind, sentence, themes, stance, memo in PASSAGES:
        document, text = documents[kind]
        start = text.index(sentence)
        args = [cli, 'annotate', path, str(document), str(start), str(start + len(sentence)), '--stance', stance]
        for theme in themes:
            args += ['--theme', theme]
        if memo:
            args += ['--memo', memo]
        ids.append(subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip())
    for source, target in LINKS:
        subprocess.run([cli, 'link', path, ids[source], ids[target], '--kind', 'paraphrases'], check=True,
                       stdout=subprocess.DEVNULL)


def app_env(build, home, scheme):
    env = dict(os.environ, XDG_DATA_HOME=home + '/data', XDG_CONFIG_HOME=home + '/config',
               XDG_CACHE_HOME=home + '/cache', GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'), GTK_A11Y='atspi',
               ADW_DEBUG_COLOR_SCHEME='prefer-' + scheme)
    env.pop('NO_AT_BRIDGE', None)
    return env


def start_app(build, env):
    """Opens the sample project (built on the first start); returns the
    process, its accessible application and its window once it shows the
    sample project."""
    app_process = subprocess.Popen([os.path.join(build, 'src/ui/standpoint'), '--sample'], env=env)
    app = wait(lambda: [a for a in tree.root.children
                        if a.name == 'standpoint' and a.get_process_id() == app_process.pid][0])
    window = wait(lambda: app.child(roleName='frame', recursive=False, retry=False))
    wait(lambda: 'Sample project' in window.name)
    return app_process, app, window


def stop_app(app_process):
    app_process.terminate()
    app_process.wait()


def take(build, scheme):
    home = tempfile.mkdtemp(prefix='standpoint-shots-')
    app_process, app, window = start_app(build, app_env(build, home, scheme))
    try:
        title = window.name
        view = wait(lambda: window.child(name='Document text', roleName='text', retry=False))
        wait(lambda: view.queryText().characterCount > 1000)
        grab(title, 'report-' + scheme)

        tab_to(window, lambda n: n.roleName == 'list item' and n.name.startswith('Edited transcript'))
        rawinput.pressKey('Return')
        wait(lambda: 'Robin Mansell 00:09' in view.queryText().getText(0, 2000))
        tab_to(window, lambda n: n.roleName == 'text' and n.name == 'Document text')
        iface = view.queryText()
        text = iface.getText(0, iface.characterCount)

        # A few passages tagged with theme keys
        for after, words, key in (('Robin Mansell 00:09', 9, '2'),
                                  ('the questions that we\'re putting today, briefly are:', 7, '3'),
                                  ('questions that we\'re putting today, briefly are:\ndoes', 4, '5')):
            if after in text:
                select_words(iface, text, after, words)
                rawinput.pressKey(key)
                time.sleep(0.3)
        rawinput.keyCombo('<Control>Home')
        grab(title, 'main-window-' + scheme)

        rawinput.pressKey('F8')
        time.sleep(1.0)
        grab(title, 'annotations-panel-' + scheme)
        rawinput.pressKey('F8')
        time.sleep(0.5)

        rawinput.keyCombo('<Control><Shift>k')
        codebook = wait(lambda: [f for f in app.children if f.roleName in ('frame', 'dialog') and f.name != title][0])
        grab(codebook.name, 'codebook-' + scheme)
        rawinput.pressKey('Escape')
        wait(lambda: len([f for f in app.children if f.roleName == 'frame']) == 1)
        time.sleep(0.5)

        rawinput.keyCombo('<Control>comma')
        prefs = wait(lambda: [f for f in app.children if f.name == 'Preferences'][0])
        grab(prefs.name, 'preferences-' + scheme)
        rawinput.pressKey('Escape')
        wait(lambda: len([f for f in app.children if f.roleName == 'frame']) == 1)
        time.sleep(0.5)

        # Last: the tagging popover (it keeps the keyboard while open)
        select_words(iface, text, 'Robin Mansell 00:09', 0)
        for _ in range(3):
            rawinput.pressKey('Down')
        for _ in range(8):
            rawinput.keyCombo('<Control><Shift>Right')
        rawinput.pressKey('t')
        wait(lambda: app.findChild(lambda n: n.name == 'Memo' or n.roleName == 'popup menu', retry=False,
                                   requireResult=False) or True)
        time.sleep(1.0)
        grab(title, 'tagging-' + scheme)
    finally:
        stop_app(app_process)
        shutil.rmtree(home, ignore_errors=True)


def dump(node, depth=0):
    """Prints the accessible tree (for finding names when the UI changes)."""
    print('  ' * depth + '%s %r' % (node.roleName, node.name))
    for child in node.children:
        dump(child, depth + 1)


def resize(title, width, height):
    for window_id in subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                                    capture_output=True, text=True, check=True).stdout.split():
        subprocess.run(['xdotool', 'windowsize', window_id, str(width), str(height)], check=True)
    time.sleep(1.0)


def park_pointer(x=1000, y=25):
    """Moves the pointer to an empty part of the header bar, so that no row
    shows a hover highlight and no tooltip opens."""
    subprocess.run(['xdotool', 'mousemove', str(x), str(y)], check=True)
    time.sleep(1.0)


def put_caret(view, sentence):
    """Puts the caret of the document view @view at the start of @sentence."""
    iface = view.queryText()
    text = iface.getText(0, iface.characterCount)
    if sentence not in text:
        raise SystemExit('%r is not in the view showing %r' % (sentence, text[:60]))
    iface.setCaretOffset(text.index(sentence))
    time.sleep(0.3)


STAKEHOLDER_ROWS = ('Andrea Renda', 'Baisheng An', 'June Park', 'Milton Mueller', 'Scott Kennedy', 'Thomas Li')


def show_compare_page(window, name):
    tab = wait(lambda: window.findChild(lambda n: n.roleName == 'page tab' and n.name == name,
                                        retry=False, requireResult=False))
    tab.click()
    park_pointer()


def choose_cell(window, grid, stakeholder, column):
    """Activates a cell of a heat grid with the keys, from its first cell:
    rows are the stakeholders with passages, in STAKEHOLDER_ROWS order."""
    tab_to(window, lambda n: n.roleName == 'table' and n.name == grid)
    rawinput.keyCombo('<Control>Home')
    for _ in range(STAKEHOLDER_ROWS.index(stakeholder)):
        rawinput.pressKey('Down')
    for _ in range(column):
        rawinput.pressKey('Right')
    rawinput.pressKey('Return')
    time.sleep(1.0)


def take_analysis(build, scheme):
    home = tempfile.mkdtemp(prefix='standpoint-shots-')
    env = app_env(build, home, scheme)
    app_process, app, window = start_app(build, env)
    stop_app(app_process)
    path = glob.glob(os.path.join(home, 'data', 'standpoint', '*.standpoint'))[0]
    fill_project(os.path.join(build, 'src/cli/standpoint-cli'), path)

    app_process, app, window = start_app(build, env)
    try:
        title = window.name
        view = wait(lambda: window.child(name='Document text', roleName='text', retry=False))
        wait(lambda: view.queryText().characterCount > 1000)
        resize(title, 1400, 900)
        rawinput.keyCombo('<Control>backslash')
        right = wait(lambda: window.child(name='Document text, right pane', roleName='text', retry=False))
        wait(lambda: right.queryText().characterCount > 1000)
        # Scroll the report to the linked passage, and the transcript
        # (Follow Link) to the turn it paraphrases
        # Below, then above, then on the passage: it ends up near the top
        # with the paragraphs before it for context
        put_caret(view, "Thomas Li's approach to differentiating")
        put_caret(view, 'For Thomas Li, the current international framework')
        put_caret(view, 'the solution prescribed by Thomas Li')
        rawinput.keyCombo('<Alt>l')
        park_pointer()
        grab(title, 'side-by-side-' + scheme)

        rawinput.keyCombo('<Alt>2')
        show_compare_page(window, 'By Theme')
        # The theme with the most stakeholders: the third in the codebook
        tab_to(window, lambda n: n.roleName == 'push button' and n.name == 'Theme to compare')
        rawinput.pressKey('space')
        time.sleep(1.0)
        for key in ('Down', 'Down', 'Return'):
            rawinput.pressKey(key)
            time.sleep(0.3)
        time.sleep(1.5)
        grab(title, 'compare-theme-' + scheme)

        # A cell chosen, so the passages behind it show on the right
        show_compare_page(window, 'Matrix')
        choose_cell(window, 'Passages by stakeholder and theme', 'Thomas Li', 2)
        grab(title, 'compare-matrix-' + scheme)
        show_compare_page(window, 'Agreement')
        choose_cell(window, 'Agreement and conflict between stakeholders', 'Milton Mueller', 4)
        grab(title, 'compare-agreement-' + scheme)

        rawinput.keyCombo('<Alt>3')
        first = wait(lambda: window.findChild(lambda n: n.roleName == 'list item' and 'Robin Mansell' in n.name,
                                              retry=False, requireResult=False))
        # Rows follow the report: the eighth is Kennedy's "the main contest
        # was about rents", whose first candidate is the turn he said it in
        first.click()
        rawinput.pressKey('Home')
        for _ in range(7):
            rawinput.pressKey('Down')
            time.sleep(0.3)
        park_pointer()
        grab(title, 'attributions-' + scheme)

        rawinput.keyCombo('<Control><Shift>e')
        brief = wait(lambda: [f for f in app.children if f.roleName in ('frame', 'dialog') and f.name != title][0])
        park_pointer(750, 25)
        grab(brief.name, 'brief-dialog-' + scheme)
    finally:
        stop_app(app_process)
        shutil.rmtree(home, ignore_errors=True)


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build')
    groups = sys.argv[2:] or ('basic', 'analysis')
    compositor = subprocess.Popen(['xcompmgr']) if shutil.which('xcompmgr') else None
    try:
        for scheme in ('light', 'dark'):
            if 'basic' in groups:
                take(build, scheme)
            if 'analysis' in groups:
                take_analysis(build, scheme)
    finally:
        if compositor is not None:
            compositor.terminate()
            compositor.wait()


if __name__ == '__main__':
    main()

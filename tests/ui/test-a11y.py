#!/usr/bin/python3
# test-a11y.py: drives the running app through AT-SPI, as a screen-reader
# user would, with dogtail: only accessible names, roles, the Text
# interface and key presses.
#
#   test-a11y.py STANDPOINT STANDPOINT_CLI
#
# Starts `standpoint --sample` with a fresh data dir (so it builds the
# sample project), opens the webinar transcript from the sidebar's document
# list, checks that the document text is readable (role "text", Text
# interface with the first speaker line), selects a passage with the
# keyboard, tags it with the theme key "2", finds the annotation in the
# annotations panel (F8) and then in `standpoint-cli annotations --json`,
# stored with the speaker of the turn as stakeholder. Also checks that every
# push and toggle button of the main window has a real accessible name.
#
# Needs a display and a session bus (./run test: xvfb-run, dbus-run-session);
# GTK starts the accessibility bus (org.a11y.Bus) on that session bus.
# Exit status 77 (skipped) when there is no display or dogtail.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
TIMEOUT = 30.0
FIRST_SPEAKER_LINE = 'Robin Mansell 00:09'
TRANSCRIPT_PREFIX = 'Edited transcript'
THEME_KEY = '2'
# The name GTK 4.8 falls back to for a widget without one is its type name
TYPE_NAME = re.compile(r'^(Gtk|Adw|Sp)[A-Z][A-Za-z]*$')
SPEAKER_LINE = re.compile(r'^(\S.*?) \d{1,2}:\d{2}(?::\d{2})?$', re.MULTILINE)


def log(*args):
    print('#', *args, flush=True)


def fail(message):
    print('not ok -', message, flush=True)
    raise SystemExit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print('ok -', message, flush=True)


def wait_for(func, what, timeout=TIMEOUT):
    """Polls func() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = func()
            if value:
                return value
        except Exception as error:  # the tree changes under us
            last_error = error
        time.sleep(0.2)
    fail('timed out waiting for %s%s' % (what, ' (%s)' % last_error if last_error else ''))


def main():
    if len(sys.argv) != 3:
        print('usage: test-a11y.py STANDPOINT STANDPOINT_CLI', file=sys.stderr)
        return 2
    standpoint, cli = sys.argv[1], sys.argv[2]

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('1..0 # SKIP no display (run under xvfb-run)')
        return SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        # The accessibility bus is found through the session bus
        if shutil.which('dbus-run-session'):
            os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv)
        print('1..0 # SKIP no session bus and no dbus-run-session')
        return SKIP

    # This process talks to the accessibility bus too
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
        os.environ.pop(name, None)

    try:
        from dogtail.config import config
        # dogtail checks the GNOME "toolkit-accessibility" key; GTK 4
        # exposes its tree on the accessibility bus without it
        config.checkForA11y = False
        config.logDebugToFile = False
        config.logDebugToStdOut = False
        config.searchCutoffCount = 10
        config.actionDelay = 0.2
        config.typingDelay = 0.05
        from dogtail import rawinput, tree
        import pyatspi
        globals()['pyatspi'] = pyatspi
        from dogtail.predicate import GenericPredicate
    except ImportError as error:
        print('1..0 # SKIP dogtail is not installed (Debian: python3-dogtail): %s' % error)
        return SKIP

    home = tempfile.mkdtemp(prefix='standpoint-a11y-')
    env = dict(os.environ)
    env.update({
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'XDG_CACHE_HOME': os.path.join(home, 'cache'),
        'GTK_A11Y': 'atspi',
    })
    app_process = subprocess.Popen([standpoint, '--sample'], env=env)
    project = os.path.join(env['XDG_DATA_HOME'], 'standpoint', 'Sample project.standpoint')

    try:
        run(tree, rawinput, GenericPredicate, cli, project, app_process)
    finally:
        if app_process.poll() is None:
            app_process.send_signal(signal.SIGTERM)
            try:
                app_process.wait(10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 0


def find_app(tree, app_process):
    for app in tree.root.children:
        try:
            if app.name == 'standpoint' and app.get_process_id() == app_process.pid:
                return app
        except Exception:
            continue
    return None


def focused_node(window):
    nodes = window.findChildren(lambda n: n.focused)
    return nodes[0] if nodes else None


def tab_to(window, rawinput, predicate, what, limit=80):
    """Presses Tab until the focused node matches, as a keyboard user would."""
    for _ in range(limit):
        node = focused_node(window)
        if node is not None and predicate(node):
            print('ok - Tab reaches %s' % what, flush=True)
            return node
        rawinput.pressKey('Tab')
        time.sleep(0.1)
    fail('Tab never reached %s' % what)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def run(tree, rawinput, GenericPredicate, cli, project, app_process):
    app = wait_for(lambda: find_app(tree, app_process), 'the application on the accessibility bus')
    check(app.roleName == 'application', 'the application is on the accessibility bus')

    window = wait_for(lambda: app.child(roleName='frame', recursive=False, retry=False),
                      'the main window')
    wait_for(lambda: 'Sample project' in window.name, 'the sample project to open')
    check('Standpoint' in window.name, 'the main window is named after the project: %r' % window.name)

    # Keys go to the window under the pointer (no window manager here)
    x, y = window.position
    w, h = window.size
    rawinput.absoluteMotion(x + w // 2, y + h // 2)

    # The sidebar's document list, and the transcript in it by name
    documents = wait_for(lambda: window.child(name='Documents', roleName='list', retry=False),
                         'the sidebar\'s document list')
    transcript = wait_for(lambda: [item for item in documents.children
                                   if item.roleName == 'list item' and item.name.startswith(TRANSCRIPT_PREFIX)],
                          'the transcript in the document list')[0]
    check(len([c for c in documents.children if c.roleName == 'list item']) == 2,
          'the document list names both sample documents')
    # Tab to it (AT-SPI's grabFocus is not implemented by GTK 4.8), Return
    tab_to(window, rawinput, lambda n: n.roleName == 'list item' and n.name == transcript.name,
           'the transcript in the document list')
    rawinput.pressKey('Return')

    # The document view: role text, readable through the Text interface
    view = wait_for(lambda: window.child(name='Document text', roleName='text', retry=False),
                    'the document text')
    wait_for(lambda: FIRST_SPEAKER_LINE in text_of(view), 'the transcript in the document view')
    check(view.roleName == 'text', 'the document view\'s role is text')
    text = text_of(view)
    check(FIRST_SPEAKER_LINE in text, 'its text holds the first speaker line %r' % FIRST_SPEAKER_LINE)

    # Focus the text, go to the end, up into the last turn, select words
    tab_to(window, rawinput, lambda n: n.roleName == 'text' and n.name == 'Document text',
           'the document text')
    iface = view.queryText()
    turn_start = text.index(FIRST_SPEAKER_LINE) + len(FIRST_SPEAKER_LINE)
    rawinput.keyCombo('<Control>Home')
    wait_for(lambda: iface.caretOffset == 0, 'the caret at the start')
    # Down, line by line, past the first speaker line into the turn
    for _ in range(60):
        if iface.caretOffset > turn_start + 1:
            break
        rawinput.pressKey('Down')
        time.sleep(0.1)
    check(iface.caretOffset > turn_start, 'Down moves the caret into the first turn')
    rawinput.pressKey('Home')
    for _ in range(4):
        rawinput.keyCombo('<Control><Shift>Right')

    def selection():
        if iface.getNSelections() < 1:
            return None
        start, end = iface.getSelection(0)
        return (start, end) if end - start > 8 else None

    start, end = wait_for(selection, 'a selection made with the keyboard')
    quote = iface.getText(start, end).strip()
    check(len(quote.split()) >= 2, 'Shift+Ctrl+Right selected words: %r' % quote)
    speakers = [m for m in SPEAKER_LINE.finditer(text) if m.start() < start]
    check(speakers, 'the passage lies in a speaker\'s turn')
    speaker = speakers[-1].group(1)
    log('speaker of the turn:', speaker)

    # The theme's key tags it
    rawinput.pressKey(THEME_KEY)
    wait_for(lambda: iface.getNSelections() == 0 or iface.getSelection(0)[0] == iface.getSelection(0)[1],
             'the selection to give way to the highlight')

    # F8: the annotations panel lists it
    rawinput.pressKey('F8')
    annotations = wait_for(lambda: window.child(name='Annotations of this document', roleName='list',
                                                retry=False),
                           'the annotations panel')
    # GTK 4.8 reports no "showing" state; the pane has room once revealed
    wait_for(lambda: annotations.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0,
             'the annotations panel to open')

    def rows():
        return [c for c in annotations.children if c.roleName == 'list item']

    wait_for(lambda: len(rows()) == 1, 'one annotation in the panel')
    row = rows()[0]
    words = ' '.join(quote.split())

    def row_texts():
        texts = [row.name or '']
        texts += [n.name or '' for n in row.findChildren(GenericPredicate(roleName='label'))]
        return ' '.join(' '.join(t.split()) for t in texts)

    panel_text = wait_for(lambda: row_texts() if words in row_texts() else None,
                          'the quote in the panel\'s row')
    check(words in panel_text, 'the annotations panel lists one annotation with the quote')
    check(speaker in panel_text, 'the panel names the speaker %r' % speaker)

    # Stored: the CLI sees it, with the turn's speaker as stakeholder
    def stored():
        result = subprocess.run([cli, 'annotations', project, '--json'],
                                capture_output=True, text=True, check=True)
        return json.loads(result.stdout)

    stored_annotations = wait_for(lambda: stored(), 'the annotation in the project file')
    check(len(stored_annotations) == 1, 'standpoint-cli lists one annotation')
    stored_annotation = stored_annotations[0]
    check(' '.join(stored_annotation['quote'].split()) == words,
          'its quote is the selected passage: %r' % stored_annotation['quote'])
    check(stored_annotation['stakeholder'] == speaker,
          'its stakeholder is the turn\'s speaker %r' % stored_annotation['stakeholder'])
    check(stored_annotation['document'].startswith(TRANSCRIPT_PREFIX), 'it belongs to the transcript')

    # Every push and toggle button has a real accessible name
    buttons = window.findChildren(lambda n: n.roleName in ('push button', 'toggle button'))
    check(len(buttons) > 10, 'found the window\'s buttons (%d)' % len(buttons))
    unnamed = []
    for button in buttons:
        name = (button.name or '').strip()
        if not name or TYPE_NAME.match(name):
            parent = button.parent
            unnamed.append('%s %r in %s %r' % (button.roleName, name, parent.roleName, parent.name))
    for entry in unnamed:
        log('no accessible name:', entry)
    check(not unnamed, 'every push and toggle button has an accessible name')

    # Quit with the keyboard
    rawinput.keyCombo('<Control>q')
    try:
        app_process.wait(15)
    except subprocess.TimeoutExpired:
        fail('Ctrl+Q did not quit')
    check(app_process.returncode == 0, 'Ctrl+Q quits cleanly')


if __name__ == '__main__':
    sys.exit(main())

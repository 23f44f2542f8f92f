#!/usr/bin/python3
# take-screenshots.py: retakes the screenshots in this folder, each view in
# the light and the dark style (NAME-light.png, NAME-dark.png).
#
#   xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
#     data/screenshots/take-screenshots.py BUILD_DIR
#
# Drives a fresh sample project through AT-SPI and key presses (dogtail, as
# tests/ui/test-a11y.py does) and grabs each window with ImageMagick's
# `import`. Needs python3-dogtail, imagemagick, xdotool and xcompmgr (a
# compositor, so popovers get their real shadows rather than black frames).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
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


def take(build, scheme):
    home = tempfile.mkdtemp(prefix='standpoint-shots-')
    env = dict(os.environ, XDG_DATA_HOME=home + '/data', XDG_CONFIG_HOME=home + '/config',
               XDG_CACHE_HOME=home + '/cache', GSETTINGS_BACKEND='memory',
               GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'), GTK_A11Y='atspi',
               ADW_DEBUG_COLOR_SCHEME='prefer-' + scheme)
    env.pop('NO_AT_BRIDGE', None)
    app_process = subprocess.Popen([os.path.join(build, 'src/ui/standpoint'), '--sample'], env=env)
    try:
        app = wait(lambda: [a for a in tree.root.children
                            if a.name == 'standpoint' and a.get_process_id() == app_process.pid][0])
        window = wait(lambda: app.child(roleName='frame', recursive=False, retry=False))
        wait(lambda: 'Sample project' in window.name)
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
        app_process.terminate()
        app_process.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build')
    compositor = subprocess.Popen(['xcompmgr']) if shutil.which('xcompmgr') else None
    try:
        for scheme in ('light', 'dark'):
            take(build, scheme)
    finally:
        if compositor is not None:
            compositor.terminate()
            compositor.wait()


if __name__ == '__main__':
    main()

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BEAT_SKELETONS, beatSkeleton } from '../../../src/core/scaffold/skeletons';
import { activate, codeActions, diagnosticOf, nextLint, openAndLint, quickFix, screenshot, sleep, storydeckDiagnostics, waitFor, workspaceUri, type StoryDeckApi } from './helpers';

const INSERT_PAIN = "Insert a 'pain' slide";

describe('story', () => {
  let api: StoryDeckApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('quick fix inserts the missing beat’s skeleton in story order; the finding then points at it', async () => {
    const { document } = await openAndLint(api, 'story/insert-pain.md');
    const before = await waitFor('customer-pain', () => diagnosticOf(document.uri, 'customer-pain'));
    const insert = await quickFix(document.uri, before.range, INSERT_PAIN);
    assert.ok(insert.edit);
    const actions = await codeActions(document.uri, before.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!actions.some((a) => a.title.startsWith('Insert a') && a.title !== INSERT_PAIN), 'only the beat this finding misses');

    const linted = nextLint(api, document.uri);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await linted;
    const text = document.getText();
    const at = text.indexOf(`\n\n---\n\n${beatSkeleton('pain')}\n\n---\n\n`);
    assert.ok(at > 0, 'the skeleton, between separators');
    assert.ok(text.indexOf('## Why we exist') < at && at < text.indexOf('## What changes for Maria'), 'after the why, before the value');

    // Then the new slide is shown with its placeholder selected: what the writer types replaces it.
    assert.ok(insert.command, 'the action shows the new slide once its edit is applied');
    await vscode.commands.executeCommand(insert.command.command, ...(insert.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    const upToTodo = text.slice(0, text.indexOf(BEAT_SKELETONS.pain.todo, at)).split('\n');
    const [todo, column] = [upToTodo.length - 1, upToTodo[upToTodo.length - 1].length]; // where "TODO: one customer…" starts (after "> " in the quote layout)
    assert.equal(editor.document, document);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.line], [todo, column, todo]);
    assert.equal(editor.document.getText(editor.selection), BEAT_SKELETONS.pain.todo);
    assert.ok(
      editor.visibleRanges.some((r) => r.contains(editor.selection)),
      'the placeholder is in sight',
    );

    // A skeleton is still to write, so the rule keeps asking — on the new slide's heading, saying that writing it
    // is what clears the finding — and offers no second insert.
    const heading = text.slice(0, text.indexOf('## The problem', at)).split('\n').length - 1; // 0-based line of "## The problem"
    assert.equal(document.lineAt(heading).text, '## The problem');
    const after = await waitFor('customer-pain on the skeleton', () => {
      const d = diagnosticOf(document.uri, 'customer-pain');
      return d && d.range.start.line === heading && d;
    });
    assert.match(after.message, /Slide 3 \(“The problem”\) is still to write: filling it in is what clears this finding\.$/);
    const again = await codeActions(document.uri, after.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!again.some((a) => a.title === INSERT_PAIN), again.map((a) => a.title).join(' | '));
  });

  it('a guessed kind’s questions offer "Set kind: …" once per kind; Set kind: proposal writes the front matter and they go', async () => {
    const { document } = await openAndLint(api, 'talks/retire-export.md');
    const ruleOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const guessed = () => storydeckDiagnostics(document.uri).filter((d) => d.message.includes('(Read as a pitch: nothing names its kind.'));
    // An RFC in all but name: read as a pitch, it is asked for the beats only a pitch expects.
    const questions = await waitFor('the guessed kind’s questions', () => guessed().length === 4 && guessed());
    assert.deepEqual(questions.map(ruleOf).sort(), ['business-value', 'customer-value', 'outcome-metric', 'strategic-tie-in']);
    assert.ok(questions.every((d) => d.severity === vscode.DiagnosticSeverity.Information));

    const range = questions[0].range;
    const proposal = await quickFix(document.uri, range, 'Set kind: proposal');
    const offered = (await codeActions(document.uri, range, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.title.startsWith('Set kind: '));
    // The four share the title line: each kind once, those that expect none of the four beats asked for, then the guess.
    assert.deepEqual(
      offered.map((a) => a.title),
      ['Set kind: town-hall', 'Set kind: update', 'Set kind: proposal', 'Set kind: talk', 'Set kind: pitch'],
    );
    assert.ok(!proposal.isPreferred, 'the kind is the writer’s choice');

    const linted = nextLint(api, document.uri);
    assert.ok(proposal.edit && (await vscode.workspace.applyEdit(proposal.edit)));
    await linted;
    assert.ok(document.getText().startsWith('---\nkind: proposal\n---\n\n# Retire the nightly export job\n'), document.getText().slice(0, 80));
    await waitFor('the questions gone', () => guessed().length === 0);
    assert.deepEqual(
      storydeckDiagnostics(document.uri).filter((d) => ['business-value', 'customer-value', 'outcome-metric', 'strategic-tie-in'].includes(ruleOf(d))),
      [],
    );
    const after = await codeActions(document.uri, range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      after.filter((a) => a.title.startsWith('Set kind: ')),
      [],
    );
  });

  it('a hover on a slide’s title says which beat StoryDeck reads it as, and the words that decided, as text', async () => {
    const { document } = await openAndLint(api, 'story/tree.md');
    const title = document.getText().split('\n').indexOf('## What changes for Maria');
    const texts = async (line: number) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 3));
      // appendText keeps the narrative's words as text: spaces come back as &nbsp;.
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value).replace(/&nbsp;/g, ' '))).filter((t) => t.includes('StoryDeck'));
    };
    const [hover] = await texts(title);
    assert.match(hover, /^\*\*StoryDeck reads slide \d+ as:\*\*\n\n- What changes for them — “With one handoff view, Maria no longer copies anything by hand/);
    assert.match(hover, /Mark the beat the slide plays with `<!-- beat: … -->`\.$/);
    assert.deepEqual(await texts(title + 2), [], 'only on a title line');
  });

  it('names a beat that starts with a vowel with "an": Insert an \'ask\' slide', async () => {
    const { document } = await openAndLint(api, 'story/insert-ask.md');
    const finding = await waitFor('call-to-action', () => diagnosticOf(document.uri, 'call-to-action'));
    assert.ok((await quickFix(document.uri, finding.range, "Insert an 'ask' slide")).edit);
  });

  it('status item: beats present, time against duration, findings; missing beats in the tooltip; hidden elsewhere', async () => {
    const { document } = await openAndLint(api, 'story/status.md');
    const status = await waitFor('the story status', () => api.storyStatus().visible && api.storyStatus());
    const findings = storydeckDiagnostics(document.uri).length;
    assert.ok(findings > 0);
    assert.match(status.text, new RegExp(`StoryDeck 6/7 beats · \\d+:\\d\\d of 8:00 · ${findings} findings?$`));
    assert.match(status.tooltip, /Missing beat: customer pain\./);
    // A click opens the Story view.
    assert.equal(status.command, 'storydeck.story.focus');
    await vscode.commands.executeCommand(status.command);

    // Writing the pain beat updates the status.
    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(document.uri, end, '\n\n---\n\n<!-- beat: pain -->\n## Meet Maria\n\nMaria is a night-shift nurse. She copies vitals from three screens by hand, every shift.\n');
    await vscode.workspace.applyEdit(edit);
    await waitFor('7/7 beats', () => api.storyStatus().text.includes('StoryDeck 7/7 beats'), 15_000);
    assert.match(api.storyStatus().tooltip, /Every beat a pitch needs is there\./);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    await openAndLint(api, 'README.md');
    await waitFor('the status to hide for a file that is not a narrative', () => !api.storyStatus().visible);
  });

  it('status item: a duration that is not a talk length shows "of ?", says why, and is one finding', async () => {
    const { document } = await openAndLint(api, 'story/unreadable-duration.md');
    const status = await waitFor('the story status', () => api.storyStatus().visible && api.storyStatus());
    assert.match(status.text, / · \d+:\d\d of \? · /);
    assert.match(status.tooltip, /`duration: ten minutes` is not a talk length \(write minutes, e\.g\. 15m, 1h 30m, 90s or 12:30\), so it is not compared\./);
    const onDuration = storydeckDiagnostics(document.uri).filter((d) => d.range.start.line === 2);
    assert.deepEqual(
      onDuration.map((d) => (d.code as { value: string }).value),
      ['front-matter'],
    );
  });

  it('Story view: there for a narrative opened without the Explorer, and the status item shows it whatever the Explorer selects', async () => {
    // Opened the way Ctrl+P opens it; then the Explorer selects a folder.
    await openAndLint(api, 'story/tree.md');
    await vscode.commands.executeCommand('revealInExplorer', workspaceUri('story'));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const status = await waitFor('the story status', () => api.storyStatus().visible && api.storyStatus());
    await vscode.commands.executeCommand(status.command!);
    await waitFor('the Story view to show', () => api.storyTreeView.visible);
    await screenshot('story-view-from-status');
  });

  it('Story view: slides grouped by beat in story order, with findings; a click reveals the slide', async () => {
    const editor = await openAndLint(api, 'story/tree.md');
    const groups = await waitFor('the story tree', () => {
      const g = api.storyView.getChildren();
      return g.length > 0 && g;
    });
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Why', 'Customer pain', 'What changes for them', 'Business value', 'Strategic fit', 'The solution', 'The plan', 'How we’ll know', 'The ask', 'No beat'],
    );
    const byLabel = new Map(groups.map((g) => [(g.kind === 'group' && g.beat) || g.label, g]));
    assert.equal(byLabel.get('pain')!.description, 'missing');
    const [value] = api.storyView.getChildren(byLabel.get('value')!);
    assert.equal(value.label, '3. What changes for Maria');

    // Findings hang under the slide they are on (here the title slide, where the missing pain is reported).
    const [title] = api.storyView.getChildren(byLabel.get('No beat')!);
    const children = api.storyView.getChildren(title);
    assert.ok(
      children.some((c) => c.kind === 'finding' && c.finding.ruleId === 'customer-pain'),
      children.map((c) => c.label).join(' | '),
    );

    const item = api.storyView.getTreeItem(value);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const line = editor.document.getText().split('\n').indexOf('## What changes for Maria');
    await waitFor('the slide revealed', () => vscode.window.activeTextEditor?.selection.active.line === line);
  });
  it('lists the stakeholders (the README’s screenshot of them), and the audience picked shows its cut in the Story view, the status item and the export', async () => {
    const editor = await openAndLint(api, 'story/audience.md');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('storydeck.story.focus');
    const groups = await waitFor('the story tree', () => {
      const g = api.storyView.getChildren();
      return g.length > 0 && g;
    });
    const people = groups.at(-1)!;
    assert.equal(people.label, 'Stakeholders');
    assert.equal(people.description, '1 of 2 addressed');
    assert.deepEqual(
      api.storyView.getChildren(people).map((c) => `${c.label} — ${c.description}`),
      ['✓ Dana Park (VP Sales) — addressed on slide 3 · supporter', '✗ Support — not addressed · unknown'],
    );
    const support = await waitFor('stakeholder-coverage', () => diagnosticOf(uri, 'stakeholder-coverage'));
    assert.equal(support.range.start.line, 8, 'at the stakeholder’s line in the front matter');
    if (process.env.STORYDECK_TEST_SCREENSHOT) {
      // The README's picture: the stakeholders in the Story view, beside the front matter that lists them.
      await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
      await vscode.commands.executeCommand('workbench.actions.treeView.storydeck.story.collapseAll');
      await api.storyTreeView.reveal(people, { expand: true, select: false, focus: false });
      await sleep(2500);
      await screenshot('stakeholders');
    }

    const slides = () => new Set(api.storyView.getChildren().flatMap((g) => api.storyView.getChildren(g).map((c) => c.label)));
    assert.ok(slides().has('4. Your part'));
    assert.equal(await vscode.commands.executeCommand('storydeck.chooseAudience', uri, 'executives'), 'executives');
    await waitFor('the cut in the Story view', () => !slides().has('4. Your part') && slides().has('3. Budget detail'));
    await waitFor('the cut in the status item', () => / for executives · /.test(api.storyStatus().text));
    await vscode.commands.executeCommand('storydeck.openPreviewToSide', uri);
    const previewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /Preview /.test(t.label));
    await waitFor('the preview titled for the cut', () => previewTab()?.label === 'Preview audience.md for executives');

    const exported = await vscode.commands.executeCommand<vscode.Uri | undefined>('storydeck.export', uri, 'html', { overwrite: true });
    assert.ok(exported, 'exported');
    assert.match(exported.path, /audience-executives\.html$/);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    const deck = JSON.parse(/<script type="application\/json" id="storydeck-deck">([^]*?)<\/script>/.exec(html)![1]) as { slides: { title: string }[] };
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['Self-serve refunds', 'Meet Maria', 'Budget detail'],
    );
    assert.match(html, /let them ask about the revamp/, 'notes are exported by default');

    assert.equal(await vscode.commands.executeCommand('storydeck.chooseAudience', uri, ''), '');
    await waitFor('all slides again', () => slides().has('4. Your part'));
    assert.doesNotMatch(api.storyStatus().text, / for /);
  });
});

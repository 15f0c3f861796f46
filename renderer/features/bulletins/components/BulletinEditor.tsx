// The open bulletin: its fields (editable while a draft), the Markdown body, the live print preview, and
// the actions its state allows. An issued bulletin is read-only; a new version is the way to change it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, type Bulletin, type BulletinEdit, type Classification } from '../../../../shared/domain/bulletins.js';
import { useBulletins } from '../bulletins-context.js';
import { selectDirty, type BulletinsError, type BulletinsNotice } from '../bulletins-store.js';
import { BulletinHistory } from './BulletinHistory.js';
import { BulletinPreview } from './BulletinPreview.js';

type TextField = 'title' | 'date' | 'department' | 'audience';

export function BulletinEditor({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const draft = useBulletins((s) => s.draft);
  const dirty = useBulletins(selectDirty);
  const previewHtml = useBulletins((s) => s.previewHtml);
  const fieldEdited = useBulletins((s) => s.fieldEdited);
  const editable = bulletin.state === 'draft';
  const value = <K extends keyof BulletinEdit>(k: K) => (draft[k] ?? bulletin[k]) as NonNullable<BulletinEdit[K]>;
  // Labels point at their control by id (not by wrapping it), so a select's options never join its name.
  const idPrefix = useId();
  const idOf = (field: keyof BulletinEdit) => `${idPrefix}-${field}`;

  const text = (field: TextField, type: 'text' | 'date' = 'text') => (
    <div className={`bulletin-field bulletin-field--${field}`}>
      <label htmlFor={idOf(field)}>{t(`bulletins.fields.${field}`)}</label>
      <input
        id={idOf(field)}
        type={type}
        value={value(field)}
        readOnly={!editable}
        required={field === 'title' || field === 'date'}
        maxLength={field === 'title' ? 300 : 200}
        onChange={(e) => fieldEdited(field, e.target.value)}
      />
    </div>
  );

  return (
    <div className="bulletin-editor">
      <div className="bulletin-editor-head">
        <h3 className="bulletin-editor-number">
          {bulletin.number}
          {bulletin.version > 1 && ` ${t('bulletins.version', { version: bulletin.version })}`}
        </h3>
        <span className={`bulletin-state bulletin-state--${bulletin.state}`}>{t(`bulletins.state.${bulletin.state}`)}</span>
        <span className="muted">{t(`bulletins.template.${bulletin.template}`)}</span>
        {dirty && <span className="bulletin-unsaved">{t('bulletins.unsaved')}</span>}
      </div>
      <StatusLines />
      {bulletin.state === 'issued' && <p className="bulletin-hint">{t('bulletins.readOnly')}</p>}
      {bulletin.state === 'approved' && <p className="bulletin-hint">{t('bulletins.approvedHint')}</p>}
      <Actions bulletin={bulletin} dirty={dirty} />
      <div className="bulletin-panes">
        <div className="bulletin-form">
          {text('title')}
          <div className="bulletin-form-row">
            {text('date', 'date')}
            <div className="bulletin-field">
              <label htmlFor={idOf('classification')}>{t('bulletins.fields.classification')}</label>
              <select
                id={idOf('classification')}
                value={value('classification')}
                disabled={!editable}
                onChange={(e) => fieldEdited('classification', e.target.value as Classification)}
              >
                {CLASSIFICATIONS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {text('department')}
          {text('audience')}
          <div className="bulletin-field bulletin-field--body">
            <label htmlFor={idOf('bodyMarkdown')}>{t('bulletins.fields.body')}</label>
            <textarea id={idOf('bodyMarkdown')} value={value('bodyMarkdown')} readOnly={!editable} spellCheck={false} onChange={(e) => fieldEdited('bodyMarkdown', e.target.value)} />
          </div>
          <p className="muted bulletin-shortcuts">{t('bulletins.shortcuts')}</p>
        </div>
        <BulletinPreview html={previewHtml} />
      </div>
      <BulletinHistory />
    </div>
  );
}

function StatusLines() {
  const { t } = useTranslation();
  const notice = useBulletins((s) => s.notice);
  const error = useBulletins((s) => s.error);
  const busy = useBulletins((s) => s.busy);
  return (
    <>
      {busy !== null && busy !== 'preview' && (
        <p className="bulletin-working">{t(busy === 'issue' ? 'bulletins.workingIssue' : busy === 'pdf' ? 'bulletins.workingPdf' : 'bulletins.working')}</p>
      )}
      <p className="bulletin-status" role="status">
        {notice && noticeText(notice, t)}
      </p>
      <p className="bulletin-alert" role="alert">
        {error && errorText(error, t)}
      </p>
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function noticeText(notice: BulletinsNotice, t: T): string {
  if (notice.kind === 'issued') return notice.moved > 0 ? t('bulletins.notice.issuedMoved', { count: notice.moved }) : t('bulletins.notice.issued');
  return t(`bulletins.notice.${notice.kind}`);
}

export function errorText(error: BulletinsError, t: T): string {
  return t(`bulletins.failed.${error.action}`, { message: error.message });
}

function Actions({ bulletin, dirty }: { bulletin: Bulletin; dirty: boolean }) {
  const { t } = useTranslation();
  const busy = useBulletins((s) => s.busy);
  const issueAsked = useBulletins((s) => s.issueAsked);
  const draftSaved = useBulletins((s) => s.draftSaved);
  const approveRequested = useBulletins((s) => s.approveRequested);
  const reopenRequested = useBulletins((s) => s.reopenRequested);
  const issueAskedToggled = useBulletins((s) => s.issueAskedToggled);
  const newVersionRequested = useBulletins((s) => s.newVersionRequested);
  const pdfRequested = useBulletins((s) => s.pdfRequested);
  const disabled = busy !== null;
  return (
    <div className="bulletin-actions">
      {bulletin.state === 'draft' && (
        <>
          <button type="button" className="button" aria-keyshortcuts="Control+S" disabled={disabled || !dirty} onClick={() => void draftSaved()}>
            {t('bulletins.save')}
          </button>
          <button type="button" className="button button--primary" disabled={disabled} onClick={() => void approveRequested()}>
            {t('bulletins.approve')}
          </button>
        </>
      )}
      {bulletin.state === 'approved' && (
        <>
          <button type="button" className="button" disabled={disabled} onClick={() => void reopenRequested()}>
            {t('bulletins.reopen')}
          </button>
          <button type="button" className="button button--primary" disabled={disabled || issueAsked} onClick={() => issueAskedToggled(true)}>
            {t('bulletins.issue')}
          </button>
        </>
      )}
      {bulletin.state === 'issued' && (
        <button type="button" className="button" disabled={disabled} onClick={() => void newVersionRequested()}>
          {t('bulletins.newVersion')}
        </button>
      )}
      <span className="bulletin-actions-gap" />
      <button type="button" className="button" disabled={disabled} onClick={() => void pdfRequested('download')}>
        {t('bulletins.downloadPdf')}
      </button>
      <button type="button" className="button" disabled={disabled} title={t('bulletins.printHint')} onClick={() => void pdfRequested('print')}>
        {t('bulletins.print')}
      </button>
      {issueAsked && <IssueQuestion count={bulletin.itemIds.length} />}
    </div>
  );
}

/** Issuing asks whether the covered incidents move to 周知済 (yes by default: that is why one issues). */
function IssueQuestion({ count }: { count: number }) {
  const { t } = useTranslation();
  const [markNotified, setMarkNotified] = useState(true);
  const issueConfirmed = useBulletins((s) => s.issueConfirmed);
  const issueAskedToggled = useBulletins((s) => s.issueAskedToggled);
  return (
    <div className="bulletin-issue" role="group" aria-label={t('bulletins.issue')}>
      <p>{t('bulletins.issueQuestion')}</p>
      <label className="bulletin-issue-check">
        <input type="checkbox" checked={markNotified} onChange={(e) => setMarkNotified(e.target.checked)} />
        {t('bulletins.markNotified', { count })}
      </label>
      <div className="bulletin-issue-buttons">
        <button type="button" className="button button--primary" autoFocus onClick={() => void issueConfirmed(markNotified)}>
          {t('bulletins.issueConfirm')}
        </button>
        <button type="button" className="button" onClick={() => issueAskedToggled(false)}>
          {t('bulletins.cancel')}
        </button>
      </div>
    </div>
  );
}

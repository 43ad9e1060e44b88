import { useState } from 'react';
import { CHANNEL_IDS, CHANNELS, type ChannelId } from '@/lib/complaint';
import type { EvidenceDB } from '@/lib/db';

interface Props {
  db: EvidenceDB;
  caseId: string;
}

/**
 * The complaints tab of the side panel: choose a channel and work on its draft.
 * This first version lists the channels with where each is filed; drafting, saving
 * and reminders are built on it (issue #6).
 */
export function ComplaintWorkspace({ caseId }: Props) {
  const [channel, setChannel] = useState<ChannelId>('platform');
  const info = CHANNELS[channel];
  return (
    <section data-testid="complaint-workspace" data-case-id={caseId} aria-label="投诉 Complaints">
      <label className="field">
        <span>投诉渠道 Channel</span>
        <select
          data-testid="channel-select"
          value={channel}
          onChange={(e) => setChannel(e.target.value as ChannelId)}
        >
          {CHANNEL_IDS.map((id) => (
            <option key={id} value={id}>
              {CHANNELS[id].name}
            </option>
          ))}
        </select>
      </label>
      <p>{info.where}</p>
    </section>
  );
}

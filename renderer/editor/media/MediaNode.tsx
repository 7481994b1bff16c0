import type { JSX } from 'react';
import {
  $applyNodeReplacement,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type LexicalNode,
} from 'lexical';
import { MediaBlockSchema, type MediaBlock } from '../../../shared/story/model';
import { emptyMedia } from '../../../shared/story/templates';

export { emptyMedia };
import { MediaBlockView } from './MediaBlockView';

const mediaState = createState('media', {
  parse: (value: unknown): MediaBlock => {
    const parsed = MediaBlockSchema.safeParse(value);
    return parsed.success ? parsed.data : emptyMedia('SOT');
  },
});

/**
 * A sound bite or package: who speaks, IN and OUT cues, duration and transcript. Its data is the
 * story model's MediaBlock itself, held as node state so undo, copy and JSON carry it whole.
 */
export class MediaNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('copydesk-media', {
      extends: DecoratorNode,
      stateConfigs: [{ stateConfig: mediaState, flat: true }],
    });
  }

  getMedia(): MediaBlock {
    return $getState(this, mediaState);
  }

  setMedia(media: MediaBlock): this {
    return $setState(this, mediaState, media);
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'cd-media-host';
    element.contentEditable = 'false';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return `${this.getMedia().transcript}\n`;
  }

  override decorate(): JSX.Element {
    return <MediaBlockView nodeKey={this.getKey()} media={this.getMedia()} />;
  }
}

export function $createMediaNode(media: MediaBlock): MediaNode {
  return $applyNodeReplacement(new MediaNode()).setMedia(media);
}

export function $isMediaNode(node: LexicalNode | null | undefined): node is MediaNode {
  return node instanceof MediaNode;
}

'use client';

import { useState, type DragEvent } from 'react';

export interface DropTarget {
  index: number;
  edge: 'before' | 'after';
}

/**
 * Native HTML5 drag and drop of the editor's steps: the handle starts the drag, each row is a
 * drop target whose upper or lower half says where the step lands.
 */
export function useStepDrag(keys: readonly string[], onMove: (from: number, to: number) => void) {
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [over, setOver] = useState<DropTarget | null>(null);

  const end = () => {
    setDragKey(null);
    setOver(null);
  };

  return {
    dragKey,
    over,
    handlers: (index: number) => ({
      onDragStart: (e: DragEvent<HTMLElement>) => {
        const key = keys[index];
        if (key === undefined) return;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', key);
        const row = e.currentTarget.closest('li');
        if (row) e.dataTransfer.setDragImage(row, 24, 20);
        setDragKey(key);
      },
      onDragOver: (e: DragEvent<HTMLLIElement>) => {
        if (dragKey === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const rect = e.currentTarget.getBoundingClientRect();
        const edge = e.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
        if (over?.index !== index || over.edge !== edge) setOver({ index, edge });
      },
      onDrop: (e: DragEvent<HTMLLIElement>) => {
        if (dragKey === null) return;
        e.preventDefault();
        const from = keys.indexOf(dragKey);
        const rect = e.currentTarget.getBoundingClientRect();
        const insertAt = e.clientY < rect.top + rect.height / 2 ? index : index + 1;
        const to = from < insertAt ? insertAt - 1 : insertAt;
        end();
        if (from >= 0 && to !== from) onMove(from, to);
      },
      onDragEnd: end,
    }),
  };
}

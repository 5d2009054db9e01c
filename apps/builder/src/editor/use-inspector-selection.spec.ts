import { act, renderHook } from '@testing-library/react';
import type { FlowDocument } from '@jornada/flow-engine';
import { useInspectorSelection } from './use-inspector-selection.js';

const triggers = [{ id: 'start', type: 'manual' }] as unknown as FlowDocument['triggers'];

describe('useInspectorSelection', () => {
  it('shows one box as a trigger or a node form, and the flow otherwise', () => {
    const { result } = renderHook(() => useInspectorSelection(triggers));
    expect(result.current.selection).toEqual({ kind: 'flow' });
    act(() => result.current.onSelectionChange(['start'], []));
    expect(result.current.selection).toEqual({ kind: 'trigger', id: 'start' });
    act(() => result.current.onSelectionChange(['n1'], []));
    expect(result.current.selection).toEqual({ kind: 'node', id: 'n1' });
    act(() => result.current.onSelectionChange(['n1', 'n2'], ['e1']));
    expect(result.current.selection).toEqual({ kind: 'flow' });
    expect(result.current.selectedEdges).toEqual(['e1']);
  });

  it('holds a selection made while a drag lasts until the drop, or until the button is released', () => {
    const { result } = renderHook(() => useInspectorSelection(triggers));
    act(() => result.current.onDragging(true));
    act(() => result.current.onSelectionChange(['n1'], []));
    expect(result.current.selectedNodes).toEqual([]);
    act(() => result.current.onDragging(false));
    expect(result.current.selection).toEqual({ kind: 'node', id: 'n1' });

    // A drag React Flow never reports ended: the pointer's release ends it.
    act(() => result.current.onDragging(true));
    act(() => result.current.onSelectionChange(['n2'], []));
    expect(result.current.selectedNodes).toEqual(['n1']);
    act(() => {
      window.dispatchEvent(new Event('pointerup'));
    });
    expect(result.current.selectedNodes).toEqual(['n2']);
  });
});

import { LightEnum, type Light } from '@reform/contracts';
import { Tooltip } from 'antd';

export const lightColors: Record<Light, string> = {
  green: '#389e0d',
  yellow: '#d4a106',
  red: '#cf1322',
  grey: '#8c8c8c',
};

/** Colour-blind safe: each light also differs in shape, and its name is in the tooltip and aria-label. */
const lightShapes: Record<Light, string> = {
  green: '50%',
  yellow: '2px',
  red: '50%',
  grey: '50%',
};

interface LightIndicatorProps {
  light: Light;
  reason: string;
  /** Show the light's name beside the dot (the detail header); the table shows the dot only. */
  showLabel?: boolean;
}

export function LightIndicator({ light, reason, showLabel = false }: LightIndicatorProps) {
  const label = LightEnum.labels[light];
  const description = reason ? `${label}：${reason}` : label;
  return (
    <Tooltip title={description}>
      <span
        role="img"
        aria-label={description}
        tabIndex={0}
        data-testid="light-indicator"
        data-light={light}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'help', whiteSpace: 'nowrap' }}
      >
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 12,
            height: 12,
            borderRadius: lightShapes[light],
            transform: light === 'yellow' ? 'rotate(45deg) scale(0.85)' : undefined,
            background: lightColors[light],
            boxShadow: light === 'red' ? `0 0 0 3px ${lightColors.red}33` : undefined,
          }}
        />
        {showLabel && <span style={{ color: lightColors[light], fontWeight: 500 }}>{label}</span>}
      </span>
    </Tooltip>
  );
}

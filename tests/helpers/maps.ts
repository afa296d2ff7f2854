/** A small valid map as text, for tests that change one thing in it. */
export const MINIMAL_MAP = `journeykit: 1
title: Minimal
personas:
  - id: claire
    name: Claire
phases:
  - id: decouverte
    name: Découverte
    stage: awareness
    touchpoints:
      - id: annonce
        name: Annonce
        channel: social
        emotion: 1
`;

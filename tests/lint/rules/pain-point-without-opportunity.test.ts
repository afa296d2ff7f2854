import rule from '../../../src/lint/rules/pain-point-without-opportunity.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: achat
      name: Achat
      stage: purchase
      touchpoints:
        - id: panier
          name: Panier
          pain_points:
            - Frais de livraison découverts au paiement
          opportunities:
            - Afficher les frais dès la fiche produit
        - id: paiement
          name: Paiement
          pain_points:
            - Création de compte obligatoire
            - Page lente sur mobile
        - id: livraison
          name: Livraison
          pain_points: [Créneau imposé]
          opportunities: []
`;

testRule(rule, {
  valid: [
    {
      name: 'pain points answered, and touchpoints without pain points',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: purchase
            touchpoints:
              - { id: t1, name: T1, pain_points: [Lent], opportunities: [Accélérer] }
              - { id: t2, name: T2, opportunities: [Ajouter un chat] }
              - { id: t3, name: T3, pain_points: [] }
      `,
    },
  ],
  invalid: [
    {
      name: 'two pain points, and one with an empty list of opportunities',
      map: MAP,
      findings: [
        { message: 'touchpoint `paiement` lists 2 pain points but no opportunity to address them', ...at(MAP, 16, 'pain_points') },
        { message: 'touchpoint `livraison` lists a pain point but no opportunity to address it', ...at(MAP, 21, 'pain_points') },
      ],
    },
  ],
});

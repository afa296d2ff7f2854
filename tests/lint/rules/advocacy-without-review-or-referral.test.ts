import rule from '../../../src/lint/rules/advocacy-without-review-or-referral.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const message = 'no touchpoint of the advocacy stage asks for a review or a referral';

const FR = yaml`
  journeykit: 1
  title: T
  phases:
    - id: ambassadeur
      name: Promotion
      stage: advocacy
      touchpoints:
        - { id: reseaux, name: Publication sur les réseaux sociaux, channel: social, purpose: [community] }
        - { id: lettre, name: Lettre d'information, channel: email }
`;

const EN = yaml`
  journeykit: 1
  title: T
  phases:
    - id: share
      name: Share
      stage: advocacy
      touchpoints:
        - { id: community, name: Subscriber community, channel: social }
`;

testRule(rule, {
  valid: [
    { name: 'a review purpose tag', map: edit(FR, "channel: email }", 'channel: email, purpose: [review] }') },
    { name: 'a referral purpose tag', map: edit(FR, "channel: email }", 'channel: email, purpose: [referral] }') },
    { name: 'a review site channel', map: edit(FR, "channel: email }", 'channel: review-sites }') },
    { name: 'French words: demande d’avis', map: edit(FR, "Lettre d'information", 'Demande d’avis à J+30') },
    { name: 'French words: parrainage', map: edit(FR, "Lettre d'information", 'Offre de parrainage') },
    { name: 'French words: recommandation, upper case', map: edit(FR, "Lettre d'information", 'RECOMMANDATION à un proche') },
    { name: 'French words: témoignage without its accent', map: edit(FR, "Lettre d'information", 'Temoignage client en video') },
    { name: 'English words: refer a friend', map: edit(EN, 'Subscriber community', 'Refer a friend') },
    { name: 'English words: testimonials', map: edit(EN, 'Subscriber community', 'Customer testimonials page') },
  ],
  invalid: [
    { name: 'a French map with none', map: FR, findings: [{ message, ...at(FR, 4, 'id: ambassadeur') }] },
    {
      name: 'tags are trusted over words',
      map: edit(FR, "Publication sur les réseaux sociaux", 'Avis sur les réseaux sociaux'),
      findings: [{ message, ...at(FR, 4, 'id: ambassadeur') }],
    },
    { name: 'an English map with none', map: EN, findings: [{ message, ...at(EN, 4, 'id: share') }] },
    {
      name: '"avisé" is not "avis"',
      map: edit(EN, 'Subscriber community', 'Client avisé'),
      findings: [{ message, ...at(EN, 4, 'id: share') }],
    },
  ],
});

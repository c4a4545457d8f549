import { describe, expect, it } from 'vitest';
import { detectStance } from './stance-detector.js';

const official = (text: string) => detectStance(text, { sourceKind: 'official' });
const media = (text: string) => detectStance(text, { sourceKind: 'media' });

describe('detectStance', () => {
  it('finds official denials of specific claims in several languages', () => {
    expect(official('Reports that the minister met rebel leaders in Geneva are entirely fabricated.').denial).toBe(true);
    expect(official('该报道纯属捏造，完全不符合事实。').denial).toBe(true);
    expect(official('Il Ministero smentisce categoricamente le notizie diffuse oggi.').denial).toBe(true);
    expect(official('No such meeting took place.').denial).toBe(true);
  });

  it('does not take rejected policies, admissions or general talk for denials', () => {
    expect(official('We reject the tariffs imposed on our steel exports as a violation of trade rules.').denial).toBe(false);
    expect(official('La France rejette les sanctions annoncées par Moscou.').denial).toBe(false);
    expect(official('Мы не отрицаем, что встреча состоялась.').denial).toBe(false);
    expect(official('Fake news is a threat to democracy, and schools will teach media literacy.').denial).toBe(false);
  });

  it('finds media reports of official denials and names the cues', () => {
    const s = media('The foreign ministry dismissed the newspaper\'s allegations as baseless.');
    expect(s.mentionsDenial).toBe(true);
    expect(s.denial).toBe(false);
    expect(s.cues.length).toBeGreaterThan(0);
    expect(media('O governo russo negou as acusações de espionagem.').mentionsDenial).toBe(true);
    expect(media('Rzecznik MSZ zaprzeczył doniesieniom o tajnych rozmowach.').mentionsDenial).toBe(true);
    expect(media('Das Außenministerium wies die Vorwürfe als haltlos zurück.').mentionsDenial).toBe(true);
  });

  it('leaves out no-comment, non-denials and dismissals by non-officials', () => {
    expect(media('The ministry declined to comment on the allegations.').mentionsDenial).toBe(false);
    expect(media('外交部发言人拒绝置评。').mentionsDenial).toBe(false);
    expect(media('The embassy did not deny the report.').mentionsDenial).toBe(false);
    expect(media('Le porte-parole n\'a ni confirmé ni infirmé l\'information.').mentionsDenial).toBe(false);
    expect(media('Independent researchers dismissed the claims as implausible.').mentionsDenial).toBe(false);
  });
  it('scopes negation, speakers and fake-news talk across languages', () => {
    expect(media("L'ambasciata non ha smentito la notizia.").mentionsDenial).toBe(false);
    expect(media('Das Ministerium bestritt nicht, dass es Gespräche gegeben habe.').mentionsDenial).toBe(false);
    expect(media('O Planalto recusou-se a confirmar ou negar a informação.').mentionsDenial).toBe(false);
    expect(media("Independent analysts dismissed the government's claims as propaganda.").mentionsDenial).toBe(false);
    expect(media("L'Élysée a qualifié ces informations de « fausses ».").mentionsDenial).toBe(true);
    expect(official('Las noticias falsas se han convertido en un problema global.').denial).toBe(false);
    expect(official('Es rotundamente falso que el ministro se reuniera con ellos.').denial).toBe(true);
    expect(official('The Ministry has seen the article. At no point did the Minister meet the businessman named in it.').denial).toBe(true);
    expect(official('Não houve qualquer reunião entre o ministro e a empresa.').denial).toBe(true);
  });
});

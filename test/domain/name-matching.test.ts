import { describe, expect, it } from 'vitest';
import { findSchool } from '../../src/domain/clusters/cluster';
import { nameKey } from '../../src/domain/clusters/name-matching';

const schools = [
  { name: 'St John’s Church of England Primary School', urn: '115001' },
  { name: 'St Mary and St Paul CofE Academy', urn: '115002' },
  { name: 'École Française de Coventry', urn: '115003' },
  { name: 'Earlsdon Primary School', urn: '115004' },
];

describe('matching school names the way people type them', () => {
  it.each([
    ["St John's Church of England Primary School", 'St John’s Church of England Primary School'],
    ['st. johns church of england', 'St John’s Church of England Primary School'],
    ['Saint John’s', 'St John’s Church of England Primary School'],
    ['St Mary & St Paul', 'St Mary and St Paul CofE Academy'],
    ['ecole francaise', 'École Française de Coventry'],
    ['  earlsdon   primary ', 'Earlsdon Primary School'],
    ['115003', 'École Française de Coventry'],
  ])('finds %j as %j', (typed, stored) => {
    expect(findSchool(schools, typed)).toMatchObject({ name: stored });
  });

  it('keeps apart names that differ in more than style', () => {
    expect(nameKey('St John’s')).toBe(nameKey('st johns'));
    expect(nameKey('St John’s')).not.toBe(nameKey('St Joan’s'));
    expect(findSchool(schools, 'Coventry Blue Coat')).toBeUndefined();
  });
});

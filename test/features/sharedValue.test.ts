import { describe, expect, it } from 'vitest';
import { sharedValue } from '../../src/features/sharedValue.js';
import { age, gender, hobbies, hometown } from './support.js';

describe(sharedValue, () => {
  it('names an equal categorical value', () => {
    expect(sharedValue(gender, 'f', 'f')).toEqual({ key: 'gender', label: 'Gender', value: 'f' });
    expect(sharedValue(gender, 'f', 'm')).toBeUndefined();
  });
  it('names the common elements of two sets, sorted', () => {
    expect(sharedValue(hobbies, ['jazz', 'chess', 'hiking'], ['hiking', 'jazz'])).toEqual({
      key: 'hobbies',
      label: 'Hobbies',
      value: ['hiking', 'jazz'],
    });
    expect(sharedValue(hobbies, ['chess'], ['jazz'])).toBeUndefined();
  });
  it('counts numbers within sharedWithin as shared, and keeps both', () => {
    expect(sharedValue(age, 24, 29)).toEqual({ key: 'age', label: 'Age', value: 24, coachValue: 29 });
    expect(sharedValue(age, 24, 30)).toBeUndefined();
  });
  it('compares text loosely but names it as the coachee wrote it', () => {
    expect(sharedValue(hometown, 'Maastricht', ' maastricht')).toEqual({ key: 'hometown', label: 'Home town', value: 'Maastricht' });
  });
  it('shares nothing with a missing or empty value', () => {
    expect(sharedValue(gender, undefined, 'f')).toBeUndefined();
    expect(sharedValue(hobbies, [], [])).toBeUndefined();
  });
});

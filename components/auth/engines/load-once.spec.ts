import { loadOnce } from './load-once';

describe('loadOnce', () => {
  it('loads once for every caller, and again after a failure', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('module');
    const loadModule = loadOnce(load as () => Promise<string>);
    await expect(loadModule()).rejects.toThrow('offline');
    await expect(Promise.all([loadModule(), loadModule()])).resolves.toEqual(['module', 'module']);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

#!/usr/bin/python3
"""LastC on the small option of calibrate's small-counts scenario under a numpy replica of the binomial resampling
null: docs/calibration.md, section 8. Three selections of the counts whose last digit is used: (a) Psephos's,
sqrt(c (1 - c/B)) >= 6, redone on each replicate as the battery does; (b) the data's selection kept for the
replicates; (c) a selection on the unit's base only, B m (1 - m) >= 36 with m the option's mean share.

Usage: /usr/bin/python3 lastc-selection.py K R UNITS SEED   (the run of section 8: 100 200 66111 1, 18 min)

The elections: registered log-normal(5.85, 0.36), turnout and the option's share truncated normal (0.52, 0.1),
(0.4, 0.15), the share 2 logits lower in a quarter of the units, counts binomial (no Dirichlet layer, unlike the
engine). Null: B* ~ Bin(N, B/N), c* ~ Bin(B*, c/B); two-sided Monte Carlo p-value around the replicates' median,
without the tail fit. Prints the rejections at 5% of each selection and the mean and sd of z = (observed - null
mean) / null sd.
"""
import numpy as np, sys
K=int(sys.argv[1]); R=int(sys.argv[2]); U=int(sys.argv[3]); seed=int(sys.argv[4])
rng=np.random.default_rng(seed)
def tn(m,s,n):
    x=rng.normal(m,s,n)
    bad=(x<=0)|(x>=1)
    while bad.any():
        x[bad]=rng.normal(m,s,bad.sum()); bad=(x<=0)|(x>=1)
    return x
def lastc(c,sel):
    d=c%10
    return (d*sel).sum(-1)/sel.sum(-1)
def pval(obs,null):
    m=np.median(null); d=abs(obs-m); ds=np.abs(null-m)
    return (1+(ds>=d).sum())/(len(null)+1)
rej=np.zeros(3,int); z=[[],[],[]]
for k in range(K):
    N=np.maximum(1,np.round(np.exp(rng.normal(5.85,0.36,U)))).astype(np.int64)
    t=tn(0.52,0.1,U); B=rng.binomial(N,t)
    s=tn(0.4,0.15,U); q=rng.random(U)<0.25
    lg=np.log(s/(1-s)); lg[q]-=2; s=1/(1+np.exp(-lg))
    c=rng.binomial(B,s)
    ok=B>0
    N,B,c=N[ok],B[ok],c[ok]
    m=(c/B).mean()
    selA=c*(1-c/B)>=36
    selC=B*m*(1-m)>=36
    obs=[lastc(c,selA),lastc(c,selA),lastc(c,selC)]
    nulls=[np.empty(R) for _ in range(3)]
    for r in range(R):
        Bs=rng.binomial(N,B/N)
        cs=rng.binomial(Bs,c/B)
        ms=(cs/np.maximum(Bs,1))[Bs>0].mean()
        selAs=(Bs>0)&(cs*(1-cs/np.maximum(Bs,1))>=36)
        selCs=Bs*ms*(1-ms)>=36
        nulls[0][r]=lastc(cs,selAs); nulls[1][r]=lastc(cs,selA); nulls[2][r]=lastc(cs,selCs)
    for j in range(3):
        p=pval(obs[j],nulls[j]); rej[j]+=p<=0.05
        z[j].append((obs[j]-nulls[j].mean())/nulls[j].std())
    print(k, ['%.3f'%np.mean(z[j]) for j in range(3)], rej, flush=True)
print('K',K,'rejections at 5%: reselect',rej[0],'data selection kept',rej[1],'base-only selection',rej[2])
print('mean z',[round(float(np.mean(x)),3) for x in z],'sd z',[round(float(np.std(x)),3) for x in z])

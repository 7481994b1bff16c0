console.log('prepare placeholder');
